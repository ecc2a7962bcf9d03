import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGit } from '@rc/exec';
import { canonicalJson } from '@rc/orchestrator-core';
import { initialState } from '../src/state/orchestration-state';
import { readState } from '../src/state/read-state';
import { fixture, loopConfig, recorded, run, remote, type Fixture } from './_fixture';

let fx: Fixture;
let clone: (name: string) => Promise<string>;
const sync = { mode: 'git', poll_interval_s: 0.02 };
const fastSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    setTimeout(resolve, Math.min(ms, 20));
  });

beforeEach(async () => {
  fx = await fixture();
  clone = await remote(fx, ['supervisor', 'main']);
});
afterEach(() => fx.cleanup());

async function gitLog(path: string): Promise<string[]> {
  await runGit(['pull', '--quiet'], { cwd: path, env: fx.env });
  const { stdout } = await runGit(['log', '--format=%s', '--reverse'], { cwd: path, env: fx.env });
  return stdout.trim().split('\n').slice(1);
}

describe('runLoop in role mode', () => {
  it('keeps two clones in strict alternation through git, no turn twice, no state lost', async () => {
    const a = await clone('a');
    const b = await clone('b');
    const config = loopConfig({ sync, limits: { max_iterations: 10, idle_timeout_s: null } });
    const common = { config, mode: 'role' as const, sleep: fastSleep };
    const [galph, ralph] = await Promise.all([
      run(a, fx.env, { ...common, role: 'galph' }),
      run(b, fx.env, { ...common, role: 'ralph' }),
    ]);
    expect(galph).toMatchObject({ exitCode: 4, status: 'limit', turns: 10 });
    expect(ralph).toMatchObject({ exitCode: 4, status: 'limit', turns: 10 });
    const expected = Array.from({ length: 10 }, (_, i) => [
      `${i + 1} galph work supervisor`,
      `${i + 1} ralph work main`,
    ]).flat();
    expect(await recorded(fx.record)).toEqual(expected);
    const log = await gitLog(a);
    expect(log).toEqual(
      expected.map((turn) => {
        const [iteration, actor, , prompt] = turn.split(' ');
        return `rc loop: iteration ${iteration} ${actor} ${prompt} (success)`;
      }),
    );
    expect(await readState(join(a, 'sync/state.json'))).toMatchObject({
      counters: { turns: 20, galph: 10, ralph: 10 },
      iteration: 11,
    });
    // Twenty turns, each a commit, push and pull: about 20 s on two loaded cores, 45-65 s at a load
    // average of 24 on two cores; the limit only catches a hang.
  }, 180_000);

  it('with --once runs one turn or reports whose turn it is', async () => {
    const a = await clone('a');
    const config = loopConfig({ sync });
    expect(await run(a, fx.env, { config, mode: 'role', role: 'ralph', once: true })).toMatchObject(
      { status: 'waiting', exitCode: 0, reason: 'waiting for galph (iteration 1)' },
    );
    expect(await run(a, fx.env, { config, mode: 'role', role: 'galph', once: true })).toMatchObject(
      { status: 'running', exitCode: 0, turns: 1 },
    );
    const controller = new AbortController();
    const notes: string[] = [];
    setTimeout(() => controller.abort(), 100);
    const waiting = await run(a, fx.env, {
      config,
      mode: 'role',
      role: 'galph',
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'note') notes.push(event.message);
      },
    });
    expect(waiting).toMatchObject({ exitCode: 130 });
    expect(notes).toEqual(['waiting for ralph (iteration 1)']);
    expect(
      await run(
        a,
        { ...fx.env, RC_TEST_FAIL: '1-ralph-main' },
        { config, mode: 'role', role: 'ralph' },
      ),
    ).toMatchObject({ exitCode: 1, status: 'failed' });
    expect(await run(a, fx.env, { config, mode: 'role', role: 'galph' })).toMatchObject({
      exitCode: 1,
      turns: 0,
    });
  });

  it('stops at once on a git failure and records why in the local state', async () => {
    const a = await clone('a');
    const config = loopConfig({ sync });
    // One good turn, so there is a state to record the failure in.
    await run(a, fx.env, { config, mode: 'role', role: 'galph', once: true, sleep: fastSleep });
    const { rm } = await import('node:fs/promises');
    await rm(join(fx.dir, 'remote.git'), { recursive: true, force: true });
    await expect(
      run(a, fx.env, { config, mode: 'role', role: 'ralph', once: true, sleep: fastSleep }),
    ).rejects.toThrow(/^git pull .*failed/);
    const state = await readState(join(a, 'sync/state.json'), 'sync/state.json');
    expect(state).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^git pull .*failed/),
    });
    expect(state?.counters.turns).toBe(1);
  });

  it('refuses a dirty work tree with a clear message', async () => {
    const a = await clone('a');
    await writeFile(join(a, 'scratch.txt'), 'wip\n');
    await expect(
      run(a, fx.env, { config: loopConfig({ sync }), mode: 'role', role: 'galph' }),
    ).rejects.toThrow(
      "the work tree has uncommitted changes (?? scratch.txt); role mode commits only the loop's state and logs, so commit or stash them first",
    );
  });

  it('drops its turn and exits 3 when another runner recorded the turn first', async () => {
    const a = await clone('a');
    const b = await clone('b');
    const raced = {
      ...initialState('2026-11-20T09:15:00.000-07:00'),
      expected_actor: 'ralph' as const,
      counters: { ...initialState('x').counters, turns: 1, galph: 1 },
    };
    await writeFile(join(fx.dir, 'raced.json'), canonicalJson(raced));
    await writeFile(
      join(fx.bin, 'race-agent'),
      `#!/bin/sh\ncd "${b}" && mkdir -p sync && cp "${join(fx.dir, 'raced.json')}" sync/state.json && git add -A && git commit -qm "other galph" && git push -q origin HEAD:main\n`,
    );
    await chmod(join(fx.bin, 'race-agent'), 0o755);
    const config = loopConfig({
      sync,
      actors: { galph: { agent: { preset: 'custom', command: 'race-agent' } } },
    });
    await expect(
      run(a, fx.env, { config, mode: 'role', role: 'galph', once: true }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('lost a git race: origin/main already recorded turn 1'),
    });
    expect(await gitLog(a)).toEqual(['other galph']);
    expect((await readState(join(a, 'sync/state.json')))?.counters.turns).toBe(1);
  });

  it('rebases and pushes again when the remote moved for another reason', async () => {
    const a = await clone('a');
    const b = await clone('b');
    await writeFile(
      join(fx.bin, 'push-agent'),
      `#!/bin/sh\ncd "${b}" && echo x > other.txt && git add -A && git commit -qm "unrelated" && git push -q origin HEAD:main\n`,
    );
    await chmod(join(fx.bin, 'push-agent'), 0o755);
    const config = loopConfig({
      sync,
      actors: { galph: { agent: { preset: 'custom', command: 'push-agent' } } },
    });
    expect(await run(a, fx.env, { config, mode: 'role', role: 'galph', once: true })).toMatchObject(
      { exitCode: 0, turns: 1 },
    );
    expect(await gitLog(a)).toEqual([
      'unrelated',
      'rc loop: iteration 1 galph supervisor (success)',
    ]);
    expect(await readFile(join(a, 'other.txt'), 'utf8')).toBe('x\n');
  });
});
