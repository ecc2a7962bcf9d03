import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, validate, type TextRedactor } from '@rc/orchestrator-core';
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
  redactor: TextRedactor,
): Promise<string> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, LEDGER_FILE);
  const handle = await open(path, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.write(
      prefix + entries.map((entry) => redactor.redact(ledgerLine(entry))).join(''),
    );
  } finally {
    await handle.close();
  }
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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { path, entries: [], malformed: [] };
    throw error;
  }
  const entries: LedgerEntry[] = [];
  const malformed: string[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      malformed.push(`line ${index + 1}: not JSON`);
      return;
    }
    const entry = validate(LedgerEntrySchema, value);
    if (entry.ok) entries.push(entry.value);
    else malformed.push(`line ${index + 1}: ${entry.issues.join('; ')}`);
  });
  return { path, entries, malformed };
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
