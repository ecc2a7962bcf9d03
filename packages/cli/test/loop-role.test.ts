import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopFixture, LOOP_YAML, spawnRc } from './loop-fixture';

let fx: Awaited<ReturnType<typeof loopFixture>>;
const git = (args: string[], cwd: string) =>
  execFileSync('git', args, { cwd, env: fx.env, encoding: 'utf8' });

beforeAll(async () => {
  fx = await loopFixture(
    LOOP_YAML('  sync: { mode: git, poll_interval_s: 0.05 }\n').replace(
      'max_iterations: 3',
      'max_iterations: 12',
    ),
  );
  git(['init', '--quiet', '-b', 'main'], fx.repo);
  git(['-c', 'user.name=seed', '-c', 'user.email=seed@x', 'add', '.'], fx.repo);
  git(
    ['-c', 'user.name=seed', '-c', 'user.email=seed@x', 'commit', '--quiet', '-m', 'seed'],
    fx.repo,
  );
  git(['clone', '--quiet', '--bare', fx.repo, join(fx.dir, 'remote.git')], fx.dir);
  for (const name of ['galph', 'ralph']) {
    git(['clone', '--quiet', join(fx.dir, 'remote.git'), join(fx.dir, name)], fx.dir);
    git(['config', 'user.name', name], join(fx.dir, name));
    git(['config', 'user.email', `${name}@example.com`], join(fx.dir, name));
  }
});
afterAll(() => fx.cleanup());

describe('rc loop run --mode role (two processes, two clones, one bare remote)', () => {
  it('alternates strictly for 24 turns, runs no turn twice and loses no state', async () => {
    const galph = spawnRc(
      ['loop', 'run', '--mode', 'role', '--role', 'galph', '--log-format', 'text'],
      join(fx.dir, 'galph'),
      fx.env,
    );
    const ralph = spawnRc(
      ['loop', 'run', '--mode', 'role', '--role', 'ralph', '--log-format', 'text'],
      join(fx.dir, 'ralph'),
      fx.env,
    );
    const [g, r] = await Promise.all([galph.exited, ralph.exited]);
    expect({ code: g.code, stderr: g.stderr.split('\n').slice(-2) }).toMatchObject({ code: 4 });
    expect(r.code).toBe(4);
    expect(
      g.stderr.match(/^rc loop: turn \d+ \(supervisor\) iteration \d+ galph .* success/gm),
    ).toHaveLength(12);
    expect(
      r.stderr.match(/^rc loop: turn \d+ \(worker\) iteration \d+ ralph .* success/gm),
    ).toHaveLength(12);

    const expected = Array.from({ length: 12 }, (_, i) => [
      `${i + 1} galph supervisor`,
      `${i + 1} ralph main`,
    ]).flat();
    expect((await readFile(fx.record, 'utf8')).trim().split('\n')).toEqual(expected);
    const check = join(fx.dir, 'galph');
    git(['pull', '--quiet'], check);
    const subjects = git(['log', '--format=%an %s', '--reverse'], check)
      .trim()
      .split('\n')
      .slice(1);
    expect(subjects).toEqual(
      expected.map((turn) => {
        const [iteration, actor, prompt] = turn.split(' ');
        return `${actor} rc loop: iteration ${iteration} ${actor} ${prompt} (success)`;
      }),
    );
    const state = JSON.parse(await readFile(join(check, 'sync/state.json'), 'utf8'));
    expect(state).toMatchObject({
      status: 'limit',
      iteration: 13,
      counters: { turns: 24, galph: 12, ralph: 12 },
    });
    expect(git(['ls-files', 'logs'], check).trim().split('\n')).toHaveLength(24);
    // About 60 s at a load average of 24 on two cores; the limit only catches a hang.
  }, 180_000);
});
