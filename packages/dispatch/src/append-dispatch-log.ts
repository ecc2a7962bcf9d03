import { join } from 'node:path';
import {
  appendNdjson,
  canonicalJson,
  InvalidInputError,
  type TextRedactor,
} from '@rc/orchestrator-core';
import {
  dispatchLogEntryProblems,
  DISPATCH_LOG_FILE,
  type DispatchLogEntry,
} from './dispatch-log-entry';
import { sanitizeUntrustedText } from './sanitize-untrusted-text';

/** Input of {@link appendDispatchLog}. */
export interface AppendDispatchLogInput {
  /** The orchestrator artifacts directory; created when missing. */
  dir: string;
  entry: DispatchLogEntry;
  /** Scrubs secrets from the free-text fields (`prompt`, `workflow`, `reason`). */
  redactor: TextRedactor;
}

/** The longest `reason` kept; an API error body can be long. */
export const MAX_REASON_LENGTH = 500;

/**
 * Appends one entry to `<dir>/dispatch-log.ndjson` as a single line of canonical JSON, with one
 * `write` on an `O_APPEND` descriptor so concurrent appends do not interleave. The `reason` is
 * sanitised and capped. Only the free-text fields are redacted: the rest (run id, idempotency
 * key, issue number, trigger, outcome, timestamp) are rc's own values of fixed shape, which
 * duplicate detection reads back, so no secret, however it looks, can make a line unreadable
 * or hide a prior dispatch. A file whose last line lacks its newline (a crash mid-write) gets one
 * first, so the new entry stays readable. Throws InvalidInputError for a bad entry, and an
 * OperationError when the log is a symbolic link. Returns the path and the line written.
 */
export async function appendDispatchLog(
  input: AppendDispatchLogInput,
): Promise<{ path: string; line: string }> {
  const problems = dispatchLogEntryProblems(input.entry);
  if (problems.length > 0) {
    throw new InvalidInputError('dispatch log entry is invalid', { issues: problems });
  }
  const redact = (text: string): string => input.redactor.redact(text);
  const entry: DispatchLogEntry = {
    ...input.entry,
    prompt: redact(input.entry.prompt),
    workflow: redact(input.entry.workflow),
    reason:
      input.entry.reason === null
        ? null
        : redact(sanitizeUntrustedText(input.entry.reason, { maxLength: MAX_REASON_LENGTH })),
  };
  const line = `${JSON.stringify(JSON.parse(canonicalJson(entry)))}\n`;
  const path = join(input.dir, DISPATCH_LOG_FILE);
  await appendNdjson(path, line, { sync: true });
  return { path, line };
}
