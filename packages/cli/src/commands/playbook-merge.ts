import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  createRedactor,
  formatRunId,
  InvalidInputError,
  RUN_ID_PATTERN,
} from '@rc/orchestrator-core';
import { mergePlaybook, readLedger } from '@rc/playbook';
import type { CliIo } from '../cli-io';
import { loadPlaybookConfig, loadPlaybookPlan } from './playbook-common';
import { ledgerIn } from './playbook-ledger';

/** Options of `rc playbook merge`. */
export interface PlaybookMergeOptions {
  ledgers?: string[];
  runId?: string;
  runner?: string;
  config?: string;
}

/**
 * `rc playbook merge FILE --ledgers DIR...`: the fan-in of a fan-out run. Prints the merged
 * ledger (Markdown) on stdout; exit 0 when every task is merged, 1 otherwise.
 */
export async function playbookMerge(
  file: string,
  options: PlaybookMergeOptions,
  io: CliIo,
): Promise<number> {
  const config = await loadPlaybookConfig(options, io);
  const plan = await loadPlaybookPlan(file, io);
  const runId = options.runId ?? (io.env['PHOENIX_RUN_ID'] || formatRunId(io.clock()));
  if (!RUN_ID_PATTERN.test(runId))
    throw new InvalidInputError(`--run-id: "${runId}" is not YYYY-MM-DDTHH-mm-ss-0700`);
  const ledgers = [];
  for (const dir of options.ledgers ?? []) {
    const ledger = await readLedger(await ledgerIn(resolve(io.cwd, dir)));
    for (const line of ledger.malformed)
      io.stderr.write(`warning: ${ledger.path}: skipped ${line}\n`);
    ledgers.push(ledger.entries);
  }
  const result = await mergePlaybook({
    plan,
    repo: resolve(io.cwd),
    config,
    ledgers,
    clock: io.clock,
    runId,
    redactor: createRedactor({ env: io.env }),
    runner: options.runner ?? (io.env['RUNNER_NAME'] || null),
  });
  for (const step of result.steps)
    io.stderr.write(
      `${step.action.padEnd(8)} ${step.id}${step.reason === null ? '' : `: ${step.reason}`}\n`,
    );
  io.stderr.write(
    result.complete
      ? `playbook ${plan.source} (plan ${result.plan}): every task merged${result.entries.length === 0 ? '; nothing new to merge' : ''}\n`
      : `playbook ${plan.source} (plan ${result.plan}): not every task merged\n`,
  );
  io.stdout.write(await readFile(result.ledgerMarkdown, 'utf8'));
  return result.complete ? 0 : 1;
}
