import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './_harness';

export const rcBin = join(repoRoot, 'packages/cli/dist/rc.cjs');

/**
 * A fake agent: appends "iteration actor prompt" to $RC_TEST_RECORD; ends with RC_DONE at $RC_TEST_DONE.
 * With $RC_TEST_HOLD it writes "iteration actor" there once started and waits until rc, its parent,
 * is gone: a test can then kill rc in the middle of a turn, having seen it start. With
 * $RC_TEST_WAIT it waits until that file exists.
 */
const FAKE_AGENT = `#!/bin/sh
echo "start $RC_LOOP_ITERATION $RC_LOOP_ACTOR"
if [ -n "$RC_TEST_HOLD" ]; then
  echo "$RC_LOOP_ITERATION $RC_LOOP_ACTOR" > "$RC_TEST_HOLD"
  while kill -0 "$PPID" 2>/dev/null; do sleep 0.01; done
  exit 1
fi
[ -n "$RC_TEST_SLEEP" ] && sleep "$RC_TEST_SLEEP"
if [ -n "$RC_TEST_WAIT" ]; then while [ ! -e "$RC_TEST_WAIT" ]; do sleep 0.01; done; fi
[ "$RC_TEST_FAIL" = "$RC_LOOP_ITERATION-$RC_LOOP_ACTOR" ] && exit 5
echo "$RC_LOOP_ITERATION $RC_LOOP_ACTOR $RC_LOOP_PROMPT" >> "$RC_TEST_RECORD"
echo end
# The marker counts only as the agent's last line of output (its final message).
[ "$RC_TEST_DONE" = "$RC_LOOP_ITERATION-$RC_LOOP_ACTOR" ] && echo RC_DONE
exit 0
`;

export const LOOP_YAML = (extra = '') => `version: 1
loop:
  actors:
    galph: { agent: { preset: custom, command: fake-agent } }
    ralph: { agent: { preset: custom, command: 'fake-agent {prompt_file}' } }
  limits: { max_iterations: 3, turn_timeout_s: 20, idle_timeout_s: null }
${extra}`;

/** A temp dir with bin/fake-agent and a repo/ holding prompts and orchestration.yaml. */
export async function loopFixture(yaml = LOOP_YAML()) {
  const dir = await mkdtemp(join(tmpdir(), 'rc-cli-loop-'));
  const bin = join(dir, 'bin');
  const repo = join(dir, 'repo');
  await mkdir(bin);
  await mkdir(join(repo, 'prompts'), { recursive: true });
  await writeFile(join(bin, 'fake-agent'), FAKE_AGENT);
  await chmod(join(bin, 'fake-agent'), 0o755);
  for (const name of ['supervisor', 'main', 'reviewer']) {
    await writeFile(join(repo, 'prompts', `${name}.md`), `${name}\n`);
  }
  await writeFile(join(repo, 'orchestration.yaml'), yaml);
  const record = join(dir, 'record.txt');
  const env: Record<string, string> = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    RC_TEST_RECORD: record,
  };
  return { dir, bin, repo, record, env, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs the built CLI as a real subprocess. */
export function spawnRc(args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [rcBin, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited };
}
