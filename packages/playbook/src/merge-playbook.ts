import { join } from 'node:path';
import {
  formatPhoenix,
  OperationError,
  writeFileAtomic,
  type PlaybookConfig,
  type TextRedactor,
  type ValueRedactor,
} from '@rc/orchestrator-core';
import { createExecPorts } from './create-exec-ports';
import { decideFanIn, type FanInStep } from './decide-fan-in';
import { LEDGER_FILE, type LedgerEntry } from './ledger-entry';
import { appendLedger, ledgerLine, mergeLedgers, readLedger } from './ledger-file';
import { findMergedTasks, mergeTaskBranch } from './merge-task-branch';
import { planHash } from './plan-hash';
import type { PlaybookPorts } from './playbook-ports';
import type { MasterPlan } from './playbook-task';
import { renderLedger } from './render-ledger';
import { git } from './_worktree';

/** Input of {@link mergePlaybook}. */
export interface MergePlaybookInput {
  plan: MasterPlan;
  /** A clean checkout with the runners' `rc/<id>` branches fetched. */
  repo: string;
  config: Pick<PlaybookConfig, 'state_dir' | 'integration_branch'>;
  /** The ledgers the runners produced (their entries are folded into this checkout's ledger). */
  ledgers: readonly (readonly LedgerEntry[])[];
  clock: () => Date;
  runId: string;
  redactor: TextRedactor & ValueRedactor;
  /** @default createExecPorts() */
  ports?: PlaybookPorts;
  /** @default null */
  runner?: string | null;
}

/** What {@link mergePlaybook} did. */
export interface MergePlaybookResult {
  plan: string;
  steps: FanInStep[];
  /** Entries written for the merges made now. */
  entries: LedgerEntry[];
  ledger: string;
  ledgerMarkdown: string;
  /** Every task is merged (now or before). */
  complete: boolean;
}

/**
 * The fan-in of a fan-out run: folds the runners' ledgers into this checkout's, then squash-merges
 * each passed task's branch `rc/<id>` in dependency order ({@link decideFanIn}), with the same
 * trailers as a one-machine run, so running it again changes nothing. A conflict stops the
 * fan-in with an OperationError naming the files (the checkout is reset; nothing is forced).
 */
export async function mergePlaybook(input: MergePlaybookInput): Promise<MergePlaybookResult> {
  const { repo } = input;
  const ports = input.ports ?? createExecPorts();
  const stateDir = join(repo, input.config.state_dir);
  const ledgerPath = join(stateDir, LEDGER_FILE);
  if (input.config.integration_branch !== null)
    await git(ports, ['checkout', '-q', input.config.integration_branch], repo);
  const plan = planHash(input.plan);
  const local = await readLedger(ledgerPath);
  const all = mergeLedgers([local.entries, ...input.ledgers]);
  await writeFileAtomic(
    ledgerPath,
    all.map((entry) => ledgerLine(input.redactor.redactValue(entry))).join(''),
  );
  await writeFileAtomic(join(stateDir, '.gitignore'), '*\n');
  const steps = decideFanIn({
    tasks: input.plan.tasks,
    entries: all.filter((entry) => entry.plan === plan),
    merged: await findMergedTasks(ports, repo, plan),
  });
  const entries: LedgerEntry[] = [];
  for (const step of steps) {
    if (step.action !== 'merge' || step.entry === null) continue;
    const task = input.plan.tasks.find((candidate) => candidate.id === step.id);
    const merged = await mergeTaskBranch({
      ports,
      repo,
      branch: `rc/${step.id}`,
      subject: `rc: ${step.id}: ${task?.objective ?? ''}`.trimEnd(),
      plan,
      task: step.id,
    });
    if (merged.outcome === 'conflict')
      throw new OperationError(
        `fan-in: merging rc/${step.id} conflicts in ${merged.conflict_files.join(', ') || 'unknown files'}; the checkout was reset`,
      );
    const entry: LedgerEntry = {
      ...step.entry,
      run_id: input.runId,
      merge: 'merged',
      merge_commit: merged.commit,
      evidence: `${step.entry.evidence}; merged by the fan-in`,
      finished_at: formatPhoenix(input.clock()),
      runner: input.runner ?? null,
    };
    await appendLedger(stateDir, [entry], input.redactor);
    entries.push(entry);
  }
  const ledger = await readLedger(ledgerPath);
  const ledgerMarkdown = join(stateDir, 'ledger.md');
  await writeFileAtomic(ledgerMarkdown, renderLedger(ledger.entries), { redactor: input.redactor });
  return {
    plan,
    steps,
    entries,
    ledger: ledgerPath,
    ledgerMarkdown,
    complete: steps.every((step) => step.action === 'merge' || step.action === 'already'),
  };
}
