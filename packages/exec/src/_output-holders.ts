import { readlinkSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';

/**
 * What a freshly started child's stdout and stderr are (`socket:[74613]`, as /proc names them).
 * Read at once after spawn, before the command can redirect them; empty without /proc (not Linux).
 */
export function outputEnds(pid: number | undefined): string[] {
  if (pid === undefined) return [];
  const ends: string[] = [];
  for (const fd of [1, 2]) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (/^(socket|pipe):\[\d+\]$/.test(target)) ends.push(target);
    } catch {
      // no /proc, or the process is gone already
    }
  }
  return ends;
}

/**
 * How many processes other than this one still hold any of `ends` open, or null when that
 * cannot be told (no /proc). Processes this user may not inspect are not counted.
 */
export async function countHolders(ends: readonly string[]): Promise<number | null> {
  if (ends.length === 0) return null;
  let pids: string[];
  try {
    pids = await readdir('/proc');
  } catch {
    return null;
  }
  const holds = await Promise.all(
    pids
      .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
      .map(async (pid) => {
        const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
        const targets = await Promise.all(
          fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')),
        );
        return targets.some((target) => ends.includes(target));
      }),
  );
  return holds.filter(Boolean).length;
}
