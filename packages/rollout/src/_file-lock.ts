import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Who holds a lock; written into the lock file for operators and for stale-lock detection. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly run_id: string;
  readonly trace_id: string;
}

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
 * Creates `path` exclusively. Returns null on success, or the current owner when someone holds
 * it. A lock left by a dead process on this host (a crash) is removed and taken over.
 */
export async function tryLock(
  path: string,
  owner: LockOwner,
  isAlive: (pid: number) => boolean,
): Promise<LockOwner | null> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(owner)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(path);
    if (holder !== null && (holder.host !== owner.host || isAlive(holder.pid))) return holder;
    await rm(path, { force: true });
  }
  return readOwner(path);
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch {
    // Torn or vanished: the writer died between create and write, or just released.
    return null;
  }
}
