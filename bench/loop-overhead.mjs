// Loop overhead: `rc loop run` doing 200 turns (100 iterations, combined mode) of a no-op agent,
// divided by 200 bare spawns of the same agent from a plain Node script; median of a few rounds.
// Quick mode: 4 turns, one round.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medians, quick, rcBin as rc, report } from './_measure.mjs';

const TURNS = quick ? 4 : 200;
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
  const {
    medians: [loopMs, bareMs],
    rounds,
  } = medians(
    [
      ['sh', ['-c', loopRound]],
      [process.execPath, [baseline]],
    ],
    { rounds: quick ? 1 : 3, warmup: quick ? 0 : 1 },
  );
  report({
    figure: `loop-overhead (${TURNS} turns / ${TURNS} bare spawns)`,
    ratio: loopMs / bareMs,
    target: 1.25,
    detail: `loop ${(loopMs / TURNS).toFixed(1)} ms/turn, bare ${(bareMs / TURNS).toFixed(1)} ms/spawn, median of ${rounds}`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
