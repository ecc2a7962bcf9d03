import { appendNdjson, readNdjson } from '@rc/orchestrator-core';
import { join } from 'node:path';
import { canonicalJson, validate, type ValueRedactor } from '@rc/orchestrator-core';
import { LEDGER_FILE, LedgerEntrySchema, type LedgerEntry } from './ledger-entry';

/** One ledger entry as its canonical JSON line (keys sorted, no spaces, LF). */
export function ledgerLine(entry: LedgerEntry): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(entry)))}\n`;
}

/**
 * Appends entries to `<stateDir>/ledger.ndjson`, redacted, in one `O_APPEND` write, adding a
 * newline first when a crash left the last line unterminated. Returns the file's path.
 */
export async function appendLedger(
  stateDir: string,
  entries: readonly LedgerEntry[],
  redactor: ValueRedactor,
): Promise<string> {
  const path = join(stateDir, LEDGER_FILE);
  // Field by field, so a secret that reads like JSON cannot break the line.
  await appendNdjson(
    path,
    entries.map((entry) => ledgerLine(redactor.redactValue(entry))).join(''),
  );
  return path;
}

/** What {@link readLedger} found. */
export interface Ledger {
  path: string;
  entries: LedgerEntry[];
  /** Lines skipped as not JSON or not an entry: `line N: reason`. */
  malformed: string[];
}

/** Reads a ledger file (a missing file is an empty ledger); bad lines are reported, not thrown. */
export async function readLedger(path: string): Promise<Ledger> {
  const file = await readNdjson(path);
  const entries: LedgerEntry[] = [];
  const malformed = (file?.problems ?? []).map((problem) => ({
    line: problem.line,
    text: `line ${problem.line}: not JSON`,
  }));
  for (const record of file?.records ?? []) {
    const entry = validate(LedgerEntrySchema, record.value);
    if (entry.ok) entries.push(entry.value);
    else
      malformed.push({
        line: record.line,
        text: `line ${record.line}: ${entry.issues.join('; ')}`,
      });
  }
  malformed.sort((a, b) => a.line - b.line);
  return { path, entries, malformed: malformed.map((problem) => problem.text) };
}

/**
 * Combines ledgers from several runners into one: identical entries once, ordered by finish
 * time, then task id, so the same inputs always give the same ledger.
 */
export function mergeLedgers(ledgers: readonly (readonly LedgerEntry[])[]): LedgerEntry[] {
  const seen = new Map<string, LedgerEntry>();
  for (const entries of ledgers) for (const entry of entries) seen.set(ledgerLine(entry), entry);
  return [...seen.values()].sort(
    (a, b) =>
      a.finished_at.localeCompare(b.finished_at) ||
      a.task_id.localeCompare(b.task_id) ||
      ledgerLine(a).localeCompare(ledgerLine(b)),
  );
}
