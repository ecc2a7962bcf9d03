// Demo step: `rc promote` on examples/promotion: a dry run, then an apply to canary.
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const example = join(dirname(fileURLToPath(import.meta.url)), '..', 'promotion');

export async function demo({ rc, work, step, indent }) {
  const dir = join(work, 'promotion');
  cpSync(example, dir, { recursive: true });
  const common = ['--stage', 'canary', '--candidate', '1.4.0@sha256:3f1c9a7be2d04c55'];
  const who = ['--intent', 'promote 1.4.0', '--actor', 'octocat', '--approver', 'hubot'];
  const runId = '2026-11-20T09-30-00-0700';

  step('rc promote --mode dry_run: the plan, every check, nothing changed');
  const preview = rc(['promote', '--mode', 'dry_run', ...common, ...who, '--run-id', runId], {
    cwd: dir,
  });
  if (preview.code !== 0) throw new Error(`rc promote dry_run failed: ${preview.stderr}`);
  console.log(indent(preview.stdout));

  step(
    'rc promote --mode apply: decision promote + governance passed -> applier runs, state recorded',
  );
  const applied = rc(['promote', '--mode', 'apply', ...common, ...who, '--run-id', runId], {
    cwd: dir,
  });
  if (applied.code !== 0) throw new Error(`rc promote apply failed: ${applied.stderr}`);
  console.log(indent(applied.stdout));
  console.log(indent(`demo applier log: ${readFileSync(join(dir, 'deployments.log'), 'utf8')}`));
  const state = JSON.parse(readFileSync(join(dir, 'promotion-state.json'), 'utf8'));
  console.log(
    indent(
      `canary now runs ${state.stages.canary.current.version} (state: ${join(dir, 'promotion-state.json')})`,
    ),
  );

  const again = rc(['promote', '--mode', 'apply', ...common, ...who, '--run-id', runId], {
    cwd: dir,
  });
  console.log(indent(`same apply again: exit ${again.code}, ${again.stdout.split('\n')[0]}`));
  console.log(indent(`artifacts: ${join(dir, 'artifacts/promotion', runId)}`));
}
