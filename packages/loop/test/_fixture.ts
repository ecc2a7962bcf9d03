import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoopConfigSchema, type LoopConfig } from '@rc/orchestrator-core';
import { runGit } from '@rc/exec';
import { runLoop } from '../src/run-loop';
import type { RunLoopOptions } from '../src/run-loop-options';

/**
 * A fake agent: records "iteration actor phase prompt | argv | first stdin line" to $RC_TEST_RECORD,
 * and misbehaves when $RC_TEST_<WHAT> names this turn ("<iteration>-<actor>-<prompt>"). ESCAPE
 * leaves a process in a new session holding stdout open, its pid in $RC_TEST_ESCAPE_PID.
 */
const FAKE_AGENT = `#!/bin/sh
turn="$RC_LOOP_ITERATION-$RC_LOOP_ACTOR-$RC_LOOP_PROMPT"
line=""
[ "$1" = "" ] && read -r line
echo "$RC_LOOP_ITERATION $RC_LOOP_ACTOR $RC_LOOP_PHASE $RC_LOOP_PROMPT|$*|$line" >> "$RC_TEST_RECORD"
echo "agent ran $turn"
case " $RC_TEST_ROUTE " in *" $turn="*) r="\${RC_TEST_ROUTE#*$turn=}"; echo "RC_ROUTE: \${r%% *}";; esac
case " $RC_TEST_FAIL " in *" $turn "*) echo "boom" >&2; exit 3;; esac
case " $RC_TEST_DONE " in *" $turn "*) echo "RC_DONE";; esac
case " $RC_TEST_SLEEP " in *" $turn "*) sleep 5;; esac
case " $RC_TEST_FILE " in *" $turn "*) echo "$turn" >> work.txt;; esac
case " $RC_TEST_ESCAPE " in *" $turn "*)
  setsid bash -c 'echo $$ > "$RC_TEST_ESCAPE_PID"; while true; do sleep 1; done' &
  while [ ! -s "$RC_TEST_ESCAPE_PID" ]; do sleep 0.01; done;;
esac
exit 0
`;

export interface Fixture {
  dir: string;
  bin: string;
  record: string;
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

export async function fixture(): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'rc-loop-'));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'fake-agent'), FAKE_AGENT);
  await chmod(join(bin, 'fake-agent'), 0o755);
  const record = join(dir, 'record.txt');
  const env = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    RC_TEST_RECORD: record,
  };
  return { dir, bin, record, env, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes prompts/<name>.md for each name under root. */
export async function prompts(root: string, names: string[], dir = 'prompts'): Promise<void> {
  await mkdir(join(root, dir), { recursive: true });
  for (const name of names) await writeFile(join(root, dir, `${name}.md`), `prompt ${name}\n`);
}

/** A loop config over the fake agent; `custom` passes the prompt as a file, the rest via stdin. */
export function loopConfig(overrides: Record<string, unknown> = {}): LoopConfig {
  const agent = { preset: 'custom', command: 'fake-agent' };
  return LoopConfigSchema.parse({
    actors: {
      galph: { agent },
      ralph: { agent: { preset: 'custom', command: 'fake-agent {prompt_file}' } },
    },
    limits: { max_iterations: 3, turn_timeout_s: 10, idle_timeout_s: null },
    ...overrides,
  });
}

export async function recorded(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('|')[0] as string);
  } catch {
    return [];
  }
}

export function run(
  root: string,
  env: Record<string, string>,
  options: Partial<RunLoopOptions> = {},
) {
  return runLoop({
    root,
    config: loopConfig(),
    env,
    clock: () => new Date('2026-11-20T16:15:00.000Z'),
    ...options,
  });
}

/** A bare remote (branch main, one commit with prompts) and a helper to clone it. */
export async function remote(fx: Fixture, promptNames: string[]) {
  const seed = join(fx.dir, 'seed');
  await mkdir(seed);
  const git = (args: string[], cwd: string) => runGit(args, { cwd, env: fx.env });
  await git(['init', '--quiet', '-b', 'main'], seed);
  await prompts(seed, promptNames);
  await git(['-c', 'user.name=s', '-c', 'user.email=s@x', 'add', '.'], seed);
  await git(['-c', 'user.name=s', '-c', 'user.email=s@x', 'commit', '--quiet', '-m', 'seed'], seed);
  const bare = join(fx.dir, 'remote.git');
  await git(['clone', '--quiet', '--bare', seed, bare], fx.dir);
  return async (name: string) => {
    const path = join(fx.dir, name);
    await git(['clone', '--quiet', bare, path], fx.dir);
    await git(['config', 'user.name', name], path);
    await git(['config', 'user.email', `${name}@example.com`], path);
    return path;
  };
}
