import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  canonicalJson,
  createRedactor,
  InvalidInputError,
  writeFileAtomic,
} from '@rc/orchestrator-core';
import { LEDGER_FILE, ledgerLine, mergeLedgers, readLedger, renderLedger } from '@rc/playbook';
import type { CliIo } from '../cli-io';
import { loadPlaybookConfig } from './playbook-common';

/** Options of `rc playbook ledger`. */
export interface PlaybookLedgerOptions {
  format: 'markdown' | 'json';
  merge?: string[];
  config?: string;
}

/**
 * `rc playbook ledger`: prints the evidence ledger; with `--merge DIR...` first folds the ledgers
 * other runners produced into this one (each entry once) and re-renders `ledger.md`.
 */
export async function playbookLedger(options: PlaybookLedgerOptions, io: CliIo): Promise<number> {
  const config = await loadPlaybookConfig(options, io);
  const stateDir = resolve(io.cwd, config.state_dir);
  const local = await readLedger(join(stateDir, LEDGER_FILE));
  let entries = local.entries;
  const warn = (path: string, lines: string[]) => {
    for (const line of lines) io.stderr.write(`warning: ${path}: skipped ${line}\n`);
  };
  warn(local.path, local.malformed);
  if (options.merge !== undefined && options.merge.length > 0) {
    const others = [];
    for (const dir of options.merge) {
      const other = await readLedger(await ledgerIn(resolve(io.cwd, dir)));
      warn(other.path, other.malformed);
      others.push(other.entries);
    }
    entries = mergeLedgers([entries, ...others]);
    const redactor = createRedactor({ env: io.env });
    const lines = entries.map((entry) => ledgerLine(redactor.redactValue(entry)));
    await writeFileAtomic(local.path, lines.join(''));
    await writeFileAtomic(join(stateDir, 'ledger.md'), renderLedger(entries), { redactor });
    io.stderr.write(
      `merged ${options.merge.length} ledger(s) into ${local.path}: ${entries.length} entries\n`,
    );
  }
  io.stdout.write(options.format === 'json' ? canonicalJson(entries) : renderLedger(entries));
  return 0;
}

/** A runner's artifact may be the ledger file, the state dir, or a checkout holding .orchestrator. */
export async function ledgerIn(path: string): Promise<string> {
  for (const candidate of [
    path,
    join(path, LEDGER_FILE),
    join(path, '.orchestrator', LEDGER_FILE),
  ]) {
    const found = await stat(candidate).catch(() => null);
    if (found?.isFile()) return candidate;
  }
  throw new InvalidInputError(`--merge: no ${LEDGER_FILE} in ${path}`);
}
