import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  _dispatchLogEntryProblems,
  DISPATCH_LOG_FILE,
  type DispatchLogEntry,
} from './dispatch-log-entry';

/** A log line that could not be read as an entry; skipped, not fatal. */
export interface MalformedLogLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line's start (at most 200 characters), for a warning. */
  text: string;
  /** Why it was skipped. */
  reason: string;
}

/** What {@link readDispatchLog} found. */
export interface DispatchLog {
  /** The file read: `<dir>/dispatch-log.ndjson`. */
  path: string;
  /** Every well-formed entry, in file order. */
  entries: DispatchLogEntry[];
  /** Every line that was skipped, so the caller can warn about it. */
  malformed: MalformedLogLine[];
}

/**
 * Reads `<dir>/dispatch-log.ndjson`. A missing file is an empty log; blank lines are ignored; a
 * line that is not JSON or not an entry is skipped and reported in `malformed`, never thrown.
 */
export async function readDispatchLog(dir: string): Promise<DispatchLog> {
  const path = join(dir, DISPATCH_LOG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { path, entries: [], malformed: [] };
    throw error;
  }
  const entries: DispatchLogEntry[] = [];
  const malformed: MalformedLogLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const skip = (reason: string) =>
      malformed.push({ line: index + 1, text: raw.slice(0, 200), reason });
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      skip(`not JSON: ${(error as Error).message}`);
      return;
    }
    const problems = _dispatchLogEntryProblems(value);
    if (problems.length > 0) skip(problems.join('; '));
    else entries.push(value as DispatchLogEntry);
  });
  return { path, entries, malformed };
}
