import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRc } from './_harness';
import { loopFixture, LOOP_YAML, spawnRc } from './loop-fixture';

let fx: Awaited<ReturnType<typeof loopFixture>>;
beforeAll(async () => {
  fx = await loopFixture(LOOP_YAML().replace('max_iterations: 3', 'max_iterations: 1000'));
});
afterAll(() => fx.cleanup());

/**
 * Where a kill lands, each seen happen before the kill is sent (never a guessed delay):
 * - `recorded`: this run recorded a turn in state.json (the next turn may have begun);
 * - `worked`: an agent appended its line to the record file (its turn is not recorded yet);
 * - `running`: an agent started and waits (its transcript exists, its turn is not recorded).
 */
type KillPoint = 'recorded' | 'worked' | 'running';
const KILLS = 30;
// Ten of each, in an order drawn once from a fixed seed.
const SCHEDULE = fc.sample(
  fc.shuffledSubarray(
    Array.from({ length: KILLS }, (_, index): KillPoint => {
      const points: KillPoint[] = ['recorded', 'worked', 'running'];
      return points[index % 3] as KillPoint;
    }),
    { minLength: KILLS, maxLength: KILLS },
  ),
  { seed: 1207, numRuns: 1 },
)[0] as KillPoint[];

const status = async () => {
  const result = await runRc(['loop', 'status', '--json'], { cwd: fx.repo, env: fx.env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
// state.json is written atomically: a read sees a whole state or none.
const recordedTurns = async () => {
  const text = await readFile(join(fx.repo, 'sync/state.json'), 'utf8').catch(() => null);
  return text === null ? 0 : (JSON.parse(text).counters.turns as number);
};
const recordLines = async () =>
  (await readFile(fx.record, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

/** Polls until `seen` holds; fails naming what never happened (a guard, not a timing). */
async function waitUntil(what: string, seen: () => Promise<boolean>): Promise<void> {
  for (let polls = 0; !(await seen()); polls++) {
    if (polls > 3000) throw new Error(`never saw ${what} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('rc loop run under kill -9', () => {
  it(`keeps state.json valid and resumes from the last completed turn after ${KILLS} SIGKILLs`, async () => {
    expect(new Set(SCHEDULE)).toEqual(new Set(['recorded', 'worked', 'running']));
    const hold = join(fx.dir, 'hold');
    let turns = 0;
    for (const point of SCHEDULE) {
      await rm(hold, { force: true });
      const recorded = await recordedTurns();
      const worked = await recordLines();
      const env =
        point === 'running'
          ? { ...fx.env, RC_TEST_HOLD: hold }
          : { ...fx.env, RC_TEST_SLEEP: '0.02' };
      const run = spawnRc(['loop', 'run'], fx.repo, env);
      const exitedEarly = run.exited.then((exit) => {
        throw new Error(`rc exited before the kill (${point}): ${exit.stderr}`);
      });
      await Promise.race([
        exitedEarly,
        point === 'recorded'
          ? waitUntil('a recorded turn', async () => (await recordedTurns()) > recorded)
          : point === 'worked'
            ? waitUntil("an agent's record line", async () => (await recordLines()) > worked)
            : waitUntil(
                'an agent start',
                async () => (await readFile(hold).catch(() => null)) !== null,
              ),
      ]);
      exitedEarly.catch(() => undefined);
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
    expect(before, 'no turn was recorded before the last kill').not.toBeNull();
    const last = before.last_turn;
    // The next run's first turn is exactly the one the state expects.
    const finish = await runRc(['loop', 'run', '--max-iterations', String(before.iteration + 1)], {
      cwd: fx.repo,
      env: fx.env,
    });
    expect(finish.code, finish.stderr).toBe(4);
    expect(finish.stderr.split('\n')[0]).toBe('rc config: orchestration.yaml');
    expect(finish.stderr.split('\n')[1]).toContain(
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
  }, 180_000);
});
