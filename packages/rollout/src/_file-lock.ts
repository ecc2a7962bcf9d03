import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import { sha256Hex } from '@rc/orchestrator-core';

/** Who holds a lock; written into the lock file for operators and for stale-lock detection. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly run_id: string;
  readonly trace_id: string;
}

/** A lock this process holds. */
interface HeldFileLock {
  /** Removes the lock if it is still this one; never someone else's. */
  release(): Promise<void>;
}

/** What {@link tryLock} found: the lock is ours, or someone alive holds it. */
export type TryLockResult =
  | { readonly held: true; readonly lock: HeldFileLock }
  | { readonly held: false; readonly holder: LockOwner };

// A lock file names a live process only when it parses as an owner with a real pid; anything
// else (pid 0 or -1, which `kill` reads as "a process group", `[]`, a torn file left by an older
// rc) names nobody and is stale.
const LockFileSchema = z.object({
  pid: z.number().check(z.int(), z.positive()),
  host: z.string().check(z.minLength(1)),
  run_id: z.string(),
  trace_id: z.string(),
  token: z.optional(z.string()),
});
type LockFile = z.output<typeof LockFileSchema>;

/** A lock file as read: its identity (inode and content) and its owner, if it names one. */
interface SeenLock {
  readonly id: string;
  readonly owner: LockFile | null;
}

// Bounds the retries when locks keep appearing and going stale; each retry follows progress.
const MAX_ATTEMPTS = 20;

/** The owner of this process, for a run. */
export function lockOwner(runId: string, traceId: string): LockOwner {
  return { pid: process.pid, host: hostname(), run_id: runId, trace_id: traceId };
}

/** True while a process id is alive on this host. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock at `path`, or names the live owner holding it. The lock file appears complete
 * or not at all (written to a temp file, then hard-linked into place, which fails if a lock is
 * there), so a lock being created is never read as empty. A lock that names nobody alive on this
 * host is stale: it is removed only by the one contender holding that lock's takeover claim,
 * after checking it is still the same file, so two contenders never both remove a lock and both
 * take it.
 */
export async function tryLock(
  path: string,
  owner: LockOwner,
  isAlive: (pid: number) => boolean,
): Promise<TryLockResult> {
  await mkdir(dirname(path), { recursive: true });
  const token = randomUUID();
  const temp = await writeTemp(path, { ...owner, token });
  try {
    let last: LockOwner = owner;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await linkInPlace(temp, path)) {
        return { held: true, lock: { release: () => releaseLock(path, token) } };
      }
      const seen = await readLock(path);
      if (seen === null) continue; // released in between: try again
      if (seen.owner !== null && holds(seen.owner, owner, isAlive)) {
        return { held: false, holder: publicOwner(seen.owner) };
      }
      const claimant = await removeStale(path, seen, owner, isAlive);
      if (claimant !== null) return { held: false, holder: claimant };
      last = seen.owner === null ? last : publicOwner(seen.owner);
    }
    return { held: false, holder: last };
  } finally {
    await rm(temp, { force: true });
  }
}

const holds = (lock: LockFile, me: LockOwner, isAlive: (pid: number) => boolean) =>
  lock.host !== me.host || isAlive(lock.pid);

const publicOwner = ({ pid, host, run_id, trace_id }: LockFile): LockOwner => ({
  pid,
  host,
  run_id,
  trace_id,
});

/**
 * Removes the stale lock `seen` at `path` if it is still there, under an exclusive claim named
 * after that very lock: whoever holds the claim is the only one who may remove it, so a lock
 * taken in the meantime by someone else is never removed. Returns null when the caller should
 * try again, or the owner of a live claim (someone else is taking the lock over right now).
 */
async function removeStale(
  path: string,
  seen: SeenLock,
  owner: LockOwner,
  isAlive: (pid: number) => boolean,
): Promise<LockOwner | null> {
  const claim = `${path}.takeover-${seen.id}`;
  const token = randomUUID();
  const temp = await writeTemp(claim, { ...owner, token });
  try {
    if (!(await linkInPlace(temp, claim))) {
      const other = await readLock(claim);
      if (other === null) return null;
      if (other.owner !== null && holds(other.owner, owner, isAlive)) {
        return publicOwner(other.owner);
      }
      // The claimant died mid-takeover: its claim is itself a stale lock.
      return removeStale(claim, other, owner, isAlive);
    }
    try {
      if ((await readLock(path))?.id === seen.id) await rm(path, { force: true });
    } finally {
      await releaseLock(claim, token);
    }
    return null;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Removes the lock at `path` only if it is the one holding `token`. */
async function releaseLock(path: string, token: string): Promise<void> {
  const seen = await readLock(path);
  // Only its holder removes a live lock (takeover needs its owner dead), so it cannot change
  // between this read and the unlink.
  if (seen?.owner?.token === token) await rm(path, { force: true });
}

async function writeTemp(path: string, content: LockFile): Promise<string> {
  const temp = `${path}.${content.token ?? randomUUID()}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(content)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Hard-links `temp` to `path`: true when it was created, false when a lock is already there. */
async function linkInPlace(temp: string, path: string): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock at `path` and who it names, or null when there is none. */
async function readLock(path: string): Promise<SeenLock | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    // Inode and content come from one open file, so they describe the same lock.
    const { ino } = await handle.stat();
    const text = await handle.readFile('utf8');
    return { id: `${ino}-${sha256Hex(text).slice(0, 16)}`, owner: parseOwner(text) };
  } finally {
    await handle.close();
  }
}

function parseOwner(text: string): LockFile | null {
  try {
    const parsed = LockFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
