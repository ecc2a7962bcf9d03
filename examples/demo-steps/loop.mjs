// Demo step: `rc loop run` drives galph and ralph for two iterations with the bundled SCRIPTED
// agent (examples/loop/scripted-agent.mjs, not an AI), then `rc loop status` reads the state back.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const example = join(dirname(fileURLToPath(import.meta.url)), '../loop');

export async function demo({ rc, work, step, indent }) {
  const dir = join(work, 'loop');
  cpSync(example, dir, { recursive: true });

  step('rc loop run: galph and ralph take turns (a scripted agent, not an AI)');
  const run = rc(['loop', 'run', '--config', 'orchestration.yaml', '--log-format', 'text'], {
    cwd: dir,
  });
  console.log(indent(run.stderr));
  if (run.code !== 0) throw new Error(`rc loop run exited ${run.code}: ${run.stderr}`);
  console.log(
    `   exit ${run.code}: ralph printed RC_DONE on the last allowed iteration, so the loop is done`,
  );

  step('rc loop status: the state every turn wrote atomically');
  const status = rc(['loop', 'status', '--config', 'orchestration.yaml'], { cwd: dir });
  if (status.code !== 0) throw new Error(`rc loop status exited ${status.code}: ${status.stderr}`);
  console.log(indent(status.stdout));
  console.log(`   state:       ${join(dir, 'sync/state.json')}`);
  console.log(
    `   transcripts: ${join(dir, 'logs')} (${readdirSync(join(dir, 'logs')).sort().join(', ')})`,
  );
  console.log(`   the agents' work, notes.md:`);
  console.log(indent(readFileSync(join(dir, 'notes.md'), 'utf8')).replace(/^/gm, '  '));
}
