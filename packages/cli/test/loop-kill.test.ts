import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRc } from './_harness';
import { loopFixture, LOOP_YAML, spawnRc } from './loop-fixture';

let fx: Awaited<ReturnType<typeof loopFixture>>;
beforeAll(async () => {
  fx = await loopFixture(LOOP_YAML().replace('max_iterations: 3', 'max_iterations: 1000'));
});
afterAll(() => fx.cleanup());

const KILLS = 30;
const status = async () => {
  const result = await runRc(['loop', 'status', '--json'], { cwd: fx.repo, env: fx.env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe('rc loop run under kill -9', () => {
  it(`keeps state.json valid and resumes from the last completed turn after ${KILLS} SIGKILLs`, async () => {
    const env = { ...fx.env, RC_TEST_SLEEP: '0.02' };
    let turns = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const run = spawnRc(['loop', 'run'], fx.repo, env);
      await new Promise((resolve) => setTimeout(resolve, 60 + Math.floor(Math.random() * 300)));
      run.child.kill('SIGKILL');
      const exit = await run.exited;
      expect(exit.signal).toBe('SIGKILL');
      const state = await status();
      if (state === null) continue;
      // Never backwards: every turn recorded before the kill is still there.
      expect(state.counters.turns).toBeGreaterThanOrEqual(turns);
      turns = state.counters.turns;
    }
    const before = await status();
    const last = before.last_turn;
    // The next run's first turn is exactly the one the state expects.
    const finish = await runRc(['loop', 'run', '--max-iterations', String(before.iteration + 1)], {
      cwd: fx.repo,
      env: fx.env,
    });
    expect(finish.code, finish.stderr).toBe(4);
    expect(finish.stderr.split('\n')[0]).toContain(
      `iteration ${before.iteration} ${before.expected_actor}`,
    );
    const after = await status();
    expect(after.counters.turns).toBeGreaterThan(turns);
    expect(after.status).toBe('limit');
    expect(
      last === null || after.history.some((turn: { log: string }) => turn.log === last.log),
    ).toBe(true);

    // Each completed turn's transcript exists and holds that turn; interrupted ones were kept.
    const logs = await readdir(join(fx.repo, 'logs'));
    expect(logs.length).toBeGreaterThanOrEqual(after.counters.turns);
    for (const turn of after.history) {
      expect(await readFile(join(fx.repo, turn.log), 'utf8')).toContain(
        `start ${turn.iteration} ${turn.actor}`,
      );
    }
    const retries = logs.filter((name) => /\.\d+\.log$/.test(name));
    expect(retries.length).toBeGreaterThan(0);
    for (const retry of retries) {
      const first = retry.replace(/\.\d+\.log$/, '.log');
      expect(logs).toContain(first);
      // The interrupted attempt's transcript is still its own: the rerun wrote a new file.
      const [iteration, actor] = first.split('-');
      const kept = await readFile(join(fx.repo, 'logs', first), 'utf8');
      expect(kept === '' || kept.startsWith(`start ${iteration} ${actor}\n`)).toBe(true);
    }
    const record = (await readFile(fx.record, 'utf8')).trim().split('\n');
    expect(record.length).toBeGreaterThanOrEqual(after.counters.turns);
  }, 90_000);
});
