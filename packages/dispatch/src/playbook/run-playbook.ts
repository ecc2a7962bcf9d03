import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  formatPhoenix,
  InvalidInputError,
  OperationError,
  writeFileAtomic,
  type PlaybookConfig,
  type TextRedactor,
  type ValueRedactor,
} from '@rc/orchestrator-core';
import { _DispatchQueue } from './_dispatch-queue';
import { appendLedger, readLedger } from './ledger-file';
import type { LedgerEntry, MergeOutcome } from './ledger-entry';
import { mergeTaskBranch } from './merge-task-branch';
import type { PlaybookPorts } from './playbook-ports';
import type { MasterPlan, PlaybookTask } from './playbook-task';
import { renderLedger } from './render-ledger';
import { replanTask, type ReplanDecision } from './replan-task';
import { _runTask, type _TaskRun } from './_run-task';
import { _git, _removeWorktree } from './_worktree';

/** Input of {@link runPlaybook}. */
export interface RunPlaybookInput {
  plan: MasterPlan;
  /** The repository's main checkout; it must be clean. Passed work is merged into its branch. */
  repo: string;
  /** The `playbook` section of orchestration.yaml, with command-line overrides applied. */
  config: PlaybookConfig;
  ports: PlaybookPorts;
  clock: () => Date;
  runId: string;
  redactor: TextRedactor & ValueRedactor;
  /** Aborting (Ctrl-C) kills running agents, starts nothing more and records what ran. */
  signal?: AbortSignal;
  /** Run only this task, its dependencies taken as done (one GitHub matrix runner). @default null */
  only?: string | null;
  /** Recorded in each ledger entry, for ledgers merged from several machines. @default null */
  runner?: string | null;
  /** Progress, for logs. */
  onEvent?: (event: PlaybookEvent) => void;
}

/** Progress of a run. */
export type PlaybookEvent =
  | { type: 'start'; task: string; branch: string }
  | { type: 'finish'; entry: LedgerEntry }
  | { type: 'stop'; reason: string };

/** What {@link runPlaybook} did. */
export interface PlaybookRunResult {
  /** Ledger entries written by this run, in order. */
  entries: LedgerEntry[];
  ledger: string;
  ledgerMarkdown: string;
  logsDir: string;
  /** Why the batch stopped early, or null. */
  stopped: { reason: 'terminal-error' | 'interrupted'; detail: string } | null;
  /** Tasks that never started (a dependency did not pass, or the batch stopped). */
  unstarted: string[];
  /** Passed tasks whose merge is still held for a release check. */
  held: string[];
  /** Whether every planned task passed and was merged. */
  succeeded: boolean;
}

interface _Held {
  entry: LedgerEntry;
  /** Release a held pass in the queue once merged (a risky task is passed by its release task). */
  release: boolean;
}

/**
 * Runs a master plan: each task in its own worktree, as many at once as `config.concurrency`
 * allows with no two overlapping scopes running together, dependencies first. Each result is
 * harvested, merged (squash, stopping on conflict), appended to the ledger, and re-planned.
 */
export async function runPlaybook(input: RunPlaybookInput): Promise<PlaybookRunResult> {
  const { repo, config, ports, signal } = input;
  const stateDir = join(repo, config.state_dir);
  const tasks = _selectTasks(input.plan.tasks, input.only ?? null);
  const status = await _git(ports, ['status', '--porcelain', '--untracked-files=no'], repo);
  if (status.stdout.trim() !== '')
    throw new OperationError(
      `${repo} has uncommitted changes; commit or stash them before a playbook run`,
    );
  // The state directory ignores itself, so logs and worktrees never show up as changes.
  await mkdir(stateDir, { recursive: true });
  await writeFile(join(stateDir, '.gitignore'), '*\n');
  if (config.integration_branch !== null)
    await _git(ports, ['checkout', '-q', config.integration_branch], repo);
  const queue = new _DispatchQueue(tasks, () => 1);
  const context = {
    repo,
    stateDir,
    config,
    ports,
    clock: input.clock,
    signal,
    allScopes: input.plan.tasks.flatMap((task) => task.scope),
  };
  const entries: LedgerEntry[] = [];
  const held: _Held[] = [];
  const releaseChecks = new Set<string>();
  let stopped: PlaybookRunResult['stopped'] = null;
  const running = new Map<string, Promise<_TaskRun>>();
  const stop = (reason: 'terminal-error' | 'interrupted', detail: string) => {
    if (stopped === null) {
      stopped = { reason, detail };
      input.onEvent?.({ type: 'stop', reason: detail });
    }
  };

  const record = async (entry: LedgerEntry) => {
    entries.push(entry);
    await appendLedger(stateDir, [entry], input.redactor);
    input.onEvent?.({ type: 'finish', entry });
  };

  const settle = async (run: _TaskRun) => {
    const { task, harvest } = run;
    const signals = { ...run.signals };
    let merge: MergeOutcome = 'skipped';
    let conflictFiles: string[] = [];
    let evidence = harvest.evidence;
    let decision: ReplanDecision;
    // A passing release check lifts its own hold before its merge.
    const clearsHold = harvest.result === 'pass' && releaseChecks.delete(task.id);
    if (run.aborted) {
      stop('interrupted', 'interrupted (Ctrl-C)');
      decision = _stopDecision('stop: interrupted; run again to resume');
    } else if (run.terminal !== null) {
      stop('terminal-error', `terminal agent error in ${task.id}: "${run.terminal}"`);
      decision = _stopDecision(`stop batch: terminal agent error ("${run.terminal}")`);
    } else {
      const mayMerge =
        harvest.result === 'pass' && !signals.unclearCriteria && !signals.releaseRisk;
      if (mayMerge && releaseChecks.size === 0) {
        const merged = await mergeTaskBranch(
          ports,
          repo,
          `rc/${task.id}`,
          `rc: ${task.id}: ${task.objective}`,
        );
        merge = merged.outcome;
        conflictFiles = merged.conflict_files;
        if (merge === 'conflict') {
          signals.designConflict = true;
          evidence += `; merge conflict: ${conflictFiles.join(', ') || 'unknown files'}`;
        }
      } else if (harvest.result === 'pass' && !signals.unclearCriteria) merge = 'held';
      decision = replanTask({ task, result: harvest.result, signals, config });
    }
    const dispatchOpened = config.replan.redispatch && stopped === null;
    const entry: LedgerEntry = {
      run_id: input.runId,
      task_id: task.id,
      parent: task.parent,
      skill: task.skill,
      branch: `rc/${task.id}`,
      result: harvest.result,
      evidence,
      diff_stat: harvest.diff_stat,
      changed_files: harvest.changed_files,
      out_of_scope: harvest.out_of_scope,
      checks: harvest.checks,
      agent_exit_code: run.agentExitCode,
      merge,
      conflict_files: conflictFiles,
      replan: decision.action,
      opened: decision.tasks.map((opened) => opened.id),
      next_action:
        decision.tasks.length > 0 && !dispatchOpened
          ? `${decision.next_action} (not dispatched)`
          : decision.next_action,
      log: relative(repo, run.log),
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      runner: input.runner ?? null,
    };
    await record(entry);
    if (merge === 'held') held.push({ entry, release: decision.action === 'close' });
    if (decision.holdMerges) for (const opened of decision.tasks) releaseChecks.add(opened.id);
    if (decision.action === 'close') queue.finish(task.id, merge === 'held' ? 'held' : 'passed');
    else queue.finish(task.id, 'failed', dispatchOpened ? decision.tasks : []);
    if (clearsHold && releaseChecks.size === 0) await flushHeld();
    await _removeWorktree(ports, repo, run.worktree);
  };

  const flushHeld = async () => {
    for (const item of held.splice(0)) {
      const merged = await mergeTaskBranch(
        ports,
        repo,
        item.entry.branch,
        `rc: ${item.entry.task_id}`,
      );
      await record({
        ...item.entry,
        merge: merged.outcome,
        conflict_files: merged.conflict_files,
        evidence: `${item.entry.evidence}; ${merged.outcome === 'merged' ? 'merged after release check' : `merge conflict: ${merged.conflict_files.join(', ')}`}`,
        next_action:
          merged.outcome === 'merged'
            ? 'close task; unlock dependents'
            : 'resolve the merge conflict by hand',
        opened: [],
        replan: merged.outcome === 'merged' ? 'close' : 'stop',
        finished_at: formatPhoenix(input.clock()),
      });
      if (merged.outcome === 'merged' && item.release) queue.passHeld(item.entry.task_id);
    }
  };

  for (;;) {
    if (signal?.aborted) stop('interrupted', 'interrupted (Ctrl-C)');
    while (stopped === null && queue.running < config.concurrency) {
      const task = queue.take();
      if (task === null) break;
      input.onEvent?.({ type: 'start', task: task.id, branch: `rc/${task.id}` });
      running.set(task.id, _runTask(task, context));
    }
    if (running.size === 0) break;
    const done = await Promise.race(running.values());
    running.delete(done.task.id);
    await settle(done);
  }
  const ledger = await readLedger(join(stateDir, 'ledger.ndjson'));
  const ledgerMarkdown = join(stateDir, 'ledger.md');
  await writeFileAtomic(ledgerMarkdown, renderLedger(ledger.entries), { redactor: input.redactor });
  const unstarted = queue.unstarted().map((task) => task.id);
  const passed = tasks.every((task) => queue.state(task.id) === 'passed');
  return {
    entries,
    ledger: ledger.path,
    ledgerMarkdown,
    logsDir: join(stateDir, 'logs'),
    stopped,
    unstarted,
    held: held.map((item) => item.entry.task_id),
    succeeded: passed && stopped === null,
  };
}

function _selectTasks(tasks: readonly PlaybookTask[], only: string | null): PlaybookTask[] {
  if (only === null) return [...tasks];
  const task = tasks.find((candidate) => candidate.id === only);
  if (task === undefined) throw new InvalidInputError(`--task: no task "${only}" in the plan`);
  return [{ ...task, dependencies: [] }];
}

function _stopDecision(text: string): ReplanDecision {
  return { action: 'stop', tasks: [], next_action: text, holdMerges: false };
}
