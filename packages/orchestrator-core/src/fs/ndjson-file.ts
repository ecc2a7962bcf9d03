import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OperationError } from '../errors/rc-error';

// O_NOFOLLOW: a planted symbolic link (to a file or to nowhere) fails the open with ELOOP instead
// of sending the appends, or the reads that decide on duplicates, to wherever it points.
const APPEND = constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_NOFOLLOW;
const READ = constants.O_RDONLY | constants.O_NOFOLLOW;

/** A line of an NDJSON file that parsed as JSON. */
export interface NdjsonRecord {
  /** 1-based line number. */
  line: number;
  raw: string;
  value: unknown;
}

/** A line that did not parse, with the parser's message. */
export interface NdjsonProblem {
  line: number;
  raw: string;
  error: string;
}

/**
 * Appends text (whole lines) to an NDJSON file with one O_APPEND write, so concurrent appends
 * never interleave. A torn last line (no newline, from a crash) is ended first, so the new lines
 * stay readable. A file that is a symbolic link is refused with an OperationError.
 */
export async function appendNdjson(
  path: string,
  text: string,
  options: { sync?: boolean } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await openNoFollow(path, APPEND);
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.write(`${prefix}${text}`);
    if (options.sync) await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Reads an NDJSON file line by line; null when it does not exist. Blank lines are skipped. A file
 * that is a symbolic link is refused with an OperationError, as appending to it would be.
 */
export async function readNdjson(
  path: string,
): Promise<{ records: NdjsonRecord[]; problems: NdjsonProblem[] } | null> {
  let handle: FileHandle;
  try {
    handle = await openNoFollow(path, READ);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let text: string;
  try {
    text = await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
  const records: NdjsonRecord[] = [];
  const problems: NdjsonProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      records.push({ line: index + 1, raw, value: JSON.parse(raw) as unknown });
    } catch (error) {
      problems.push({ line: index + 1, raw, error: (error as Error).message });
    }
  });
  return { records, problems };
}

async function openNoFollow(path: string, flags: number): Promise<FileHandle> {
  try {
    return await open(path, flags, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
    throw new OperationError(
      `${path} is a symbolic link; rc does not read or append through symbolic links (remove it and run again)`,
      { cause: error },
    );
  }
}
