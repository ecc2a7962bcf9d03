import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockOwner } from './_file-lock';
import { acquireStageLock } from './stage-lock';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-stage-lock-'));
  path = join(dir, 'state.json.canary.lock');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// Above Linux's largest pid (2^22): names no process, ever.
const DEAD = 2 ** 22 + 12345;
const me = (run: string) => lockOwner(run, `trace-${run}`);
const lock = (run: string) => acquireStageLock({ path, stage: 'canary', owner: me(run) });
const owner = (pid: unknown, host = hostname()) =>
  JSON.stringify({ pid, host, run_id: 'old', trace_id: 'old-trace' });
/** The name of the takeover claim on the lock file as it is now. */
const claimOf = async (file: string) => {
  const text = await readFile(file, 'utf8');
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return `${file}.takeover-${(await stat(file)).ino}-${digest}`;
};

describe('acquireStageLock', () => {
  it('refuses a second holder with exit 3 naming the first, and frees the lock on release', async () => {
    const first = await lock('one');
    await expect(lock('two')).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('already in flight (run one, trace trace-one'),
    });
    await first.release();
    expect(existsSync(path)).toBe(false);
    await (await lock('two')).release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('releases only its own lock, never one that replaced it', async () => {
    const first = await lock('one');
    await rm(path); // an operator clears it by hand, and another run takes it
    const second = await lock('two');
    await first.release();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ run_id: 'two' });
    await second.release();
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    ['a dead pid', owner(DEAD)],
    ['pid 0', owner(0)],
    ['pid -1', owner(-1)],
    ['a fractional pid', owner(1.5)],
    ['[]', '[]'],
    ['null', 'null'],
    ['nothing (created, never written)', ''],
    ['a torn owner', '{"pid":'],
  ])('takes over a lock holding %s', async (_, content) => {
    await writeFile(path, content);
    const held = await lock('new');
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ run_id: 'new' });
    await held.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('never takes over a lock held on another host', async () => {
    await writeFile(path, owner(DEAD, 'elsewhere'));
    await expect(lock('new')).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('(run old, trace old-trace, pid'),
    });
    expect(await readFile(path, 'utf8')).toBe(owner(DEAD, 'elsewhere'));
  });

  it('leaves a stale lock to the live contender already taking it over', async () => {
    await writeFile(path, owner(DEAD));
    const claim = await claimOf(path);
    await writeFile(claim, JSON.stringify({ ...me('claimant'), token: 't' }));
    await expect(lock('new')).rejects.toMatchObject({
      message: expect.stringContaining('(run claimant'),
    });
    expect(await readFile(path, 'utf8')).toBe(owner(DEAD));
  });

  it('takes over a stale lock whose claimant died mid-takeover', async () => {
    await writeFile(path, owner(DEAD));
    const claim = await claimOf(path);
    await writeFile(claim, owner(DEAD));
    const held = await lock('new');
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ run_id: 'new' });
    await held.release();
    expect(await readdir(dir)).toEqual([]);
  });
});
