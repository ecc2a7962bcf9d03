// Loop overhead: `rc loop run` doing 200 turns (100 iterations, combined mode) of a no-op agent,
// divided by 200 bare spawns of the same agent from a plain Node script; median of a few rounds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, report } from './_measure.mjs';

const TURNS = 200;
const rc = fileURLToPath(new URL('../packages/cli/dist/rc.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rc-bench-loop-'));
const agent = join(dir, 'noop-agent.mjs');
writeFileSync(agent, 'process.stdout.write("ok\\n");\n');
mkdirSync(join(dir, 'prompts'));
for (const name of ['supervisor', 'main'])
  writeFileSync(join(dir, 'prompts', `${name}.md`), `${name}\n`);
const command = `'${process.execPath}' '${agent}' {prompt_file}`;
writeFileSync(
  join(dir, 'orchestration.yaml'),
  `loop:
  actors:
    galph: { agent: { preset: custom, command: "${command}" } }
    ralph: { agent: { preset: custom, command: "${command}" } }
  limits: { max_iterations: ${TURNS / 2}, idle_timeout_s: null }
`,
);
// The baseline spawns the same agent, with the same prompt file argument, one after another.
const baseline = join(dir, 'baseline.mjs');
writeFileSync(
  baseline,
  `import { spawn } from 'node:child_process';
import { once } from 'node:events';
for (let i = 0; i < ${TURNS}; i++) {
  const child = spawn(${JSON.stringify(process.execPath)}, [${JSON.stringify(agent)}, ${JSON.stringify(join(dir, 'prompts/main.md'))}], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  child.stderr.resume();
  await once(child, 'close');
}
`,
);
// Each loop round starts from a fresh state; reaching max_iterations exits 4, which is success here.
const loopRound = `cd '${dir}' && rm -rf sync logs && '${process.execPath}' '${rc}' loop run 2>/dev/null; [ $? -eq 4 ]`;
try {
  const [loopMs, bareMs] = medians(
    [
      ['sh', ['-c', loopRound]],
      [process.execPath, [baseline]],
    ],
    { rounds: 3, warmup: 1 },
  );
  report({
    figure: `loop-overhead (${TURNS} turns / ${TURNS} bare spawns)`,
    ratio: loopMs / bareMs,
    target: 1.25,
    detail: `loop ${(loopMs / TURNS).toFixed(1)} ms/turn, bare ${(bareMs / TURNS).toFixed(1)} ms/spawn, median of 3`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
