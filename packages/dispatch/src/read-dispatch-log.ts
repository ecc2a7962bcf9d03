import { join } from 'node:path';
import { readNdjson } from '@rc/orchestrator-core';
import {
  dispatchLogEntryProblems,
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
  const file = await readNdjson(path);
  const entries: DispatchLogEntry[] = [];
  const malformed: MalformedLogLine[] = (file?.problems ?? []).map((problem) => ({
    line: problem.line,
    text: problem.raw.slice(0, 200),
    reason: `not JSON: ${problem.error}`,
  }));
  for (const record of file?.records ?? []) {
    const problems = dispatchLogEntryProblems(record.value);
    if (problems.length === 0) entries.push(record.value as DispatchLogEntry);
    else
      malformed.push({
        line: record.line,
        text: record.raw.slice(0, 200),
        reason: problems.join('; '),
      });
  }
  malformed.sort((a, b) => a.line - b.line);
  return { path, entries, malformed };
}
