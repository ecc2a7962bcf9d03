import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real processes contend for one stage lock, round after round, with a stale lock seeded before
// each round. Holders log `enter`/`exit` to one file opened with O_APPEND, so the log is the
// order in which things happened: two holders at once show up as two `enter`s in a row.
const PROCESSES = 8;
let dir: string;
let contender: string;
let deadPid: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-lock-stress-'));
  contender = join(dir, 'contender.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./_lock-contender.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: contender,
    logLevel: 'silent',
  });
  // A process that has exited: its pid names nobody alive.
  deadPid = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Reply {
  type: 'ready' | 'tried' | 'released' | 'error';
  held?: boolean;
  error?: string;
}

function nextReply(child: ChildProcess): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`contender exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (reply: Reply) => {
      child.off('exit', onExit);
      if (reply.type === 'error') reject(new Error(reply.error));
      else resolve(reply);
    });
  });
}

/** Runs `rounds` rounds; `seed(round)` is written as the lock file first (null: no file). */
async function contend(name: string, rounds: number, seed: (round: number) => string | null) {
  const lock = join(dir, `${name}.lock`);
  const log = join(dir, `${name}.log`);
  await writeFile(log, '');
  const children = Array.from({ length: PROCESSES }, (_, id) =>
    fork(contender, [lock, log, String(id)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
  );
  const holders: number[] = [];
  try {
    await Promise.all(children.map(nextReply));
    for (let round = 0; round < rounds; round++) {
      const content = seed(round);
      if (content === null) await rm(lock, { force: true });
      else await writeFile(lock, content);
      const tried = children.map(nextReply);
      for (const child of children) child.send({ type: 'try', round });
      holders.push((await Promise.all(tried)).filter((reply) => reply.held === true).length);
      const released = children.map(nextReply);
      for (const child of children) child.send({ type: 'release', round });
      await Promise.all(released);
    }
  } finally {
    for (const child of children) if (child.connected) child.send({ type: 'stop' });
  }
  return { holders, overlaps: overlaps(await readFile(log, 'utf8')) };
}

/** How often a holder entered while another had not exited. */
function overlaps(log: string): number {
  let inside = 0;
  let count = 0;
  for (const line of log.split('\n').filter(Boolean)) {
    if (line.startsWith('enter ')) {
      if (inside > 0) count++;
      inside++;
    } else inside--;
  }
  return count;
}

const owner = (pid: unknown) =>
  JSON.stringify({ pid, host: hostname(), run_id: 'crashed', trace_id: 'crashed-trace' });

describe('acquireStageLock under contention (8 processes)', () => {
  it('has exactly one holder in every round over a lock left by a dead process', async () => {
    const rounds = 200;
    const { holders, overlaps: seen } = await contend('dead', rounds, () => owner(deadPid));
    expect({
      rounds: holders.length,
      roundsWithTwoOrMoreHolders: holders.filter((count) => count > 1).length,
      roundsWithNoHolder: holders.filter((count) => count === 0).length,
      overlapsInLog: seen,
    }).toEqual({ rounds, roundsWithTwoOrMoreHolders: 0, roundsWithNoHolder: 0, overlapsInLog: 0 });
  }, 120_000);

  it('is never blocked for good by a lock holding pid 0, -1, [] or nothing readable', async () => {
    const seeds = [owner(0), owner(-1), '[]', '', '{"pid":', 'null', owner(1.5), null];
    const rounds = seeds.length * 10;
    const { holders, overlaps: seen } = await contend(
      'junk',
      rounds,
      (round) => seeds[round % seeds.length] ?? null,
    );
    const stuck = holders
      .map((count, round) => ({ count, seed: seeds[round % seeds.length] }))
      .filter(({ count }) => count !== 1)
      .map(({ count, seed }) => `${count} holders over ${JSON.stringify(seed)}`);
    expect({ stuck: [...new Set(stuck)], overlapsInLog: seen }).toEqual({
      stuck: [],
      overlapsInLog: 0,
    });
  }, 120_000);
});
