// Loop memory: one turn whose agent prints 200 MB; the runner streams it to logs/, so its peak RSS
// must stay under 150 MB. Ratio = peak RSS / 150 MB (target <= 1.0); a bare `node -e 0` is shown for scale.
// Quick mode: a 5 MB transcript.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEnv, quick, rcBin as rc, report } from './_measure.mjs';

const MB = 1024 * 1024;
const LIMIT_MB = 150;
const TRANSCRIPT_MB = quick ? 5 : 200;
const dir = mkdtempSync(join(tmpdir(), 'rc-bench-loopmem-'));
const agent = join(dir, 'loud-agent.mjs');
writeFileSync(
  agent,
  `const line = 'x'.repeat(1023) + '\\n';
const chunk = line.repeat(64);
let left = ${TRANSCRIPT_MB} * 1024 * 1024;
function write() {
  while (left > 0) {
    left -= chunk.length;
    if (!process.stdout.write(chunk)) return process.stdout.once('drain', write);
  }
  process.stdout.write('RC_DONE\\n');
}
write();
`,
);
mkdirSync(join(dir, 'prompts'));
for (const name of ['supervisor', 'main'])
  writeFileSync(join(dir, 'prompts', `${name}.md`), `${name}\n`);
const command = `'${process.execPath}' '${agent}'`;
writeFileSync(
  join(dir, 'orchestration.yaml'),
  `loop:
  actors:
    galph: { agent: { preset: custom, command: "${command}" } }
    ralph: { agent: { preset: custom, command: "'${process.execPath}' -e 0" } }
  limits: { max_iterations: 1, idle_timeout_s: null }
`,
);
// Prints the process's own peak RSS (ru_maxrss, KiB on Linux) when it exits; the agent is not counted.
const probe = `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;
const peak = (args, cwd) => {
  const result = spawnSync(process.execPath, ['--import', probe, ...args], {
    cwd,
    env: benchEnv,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1]) / 1024;
};
try {
  const runnerMb = peak([rc, 'loop', 'run'], dir);
  const nodeMb = peak(['-e', '0'], dir);
  const logMb = statSync(join(dir, 'logs/1-galph-supervisor.log')).size / MB;
  report({
    figure: `loop-memory (runner peak RSS / ${LIMIT_MB} MB)`,
    ratio: runnerMb / LIMIT_MB,
    target: 1.0,
    detail: `runner ${runnerMb.toFixed(0)} MB for a ${logMb.toFixed(0)} MB transcript; node -e 0 is ${nodeMb.toFixed(0)} MB`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
