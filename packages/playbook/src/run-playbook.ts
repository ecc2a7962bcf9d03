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
import { addUsage, budgetSpent, preflightAgent, type AgentUsage } from '@rc/exec';
import { agentBackend } from './agent-invocation';
import { createExecPorts } from './create-exec-ports';
import { decideResume, type TaskStanding } from './decide-resume';
import { decideSettle, settleMergeIntent, type SettleDecision } from './decide-settle';
import { DispatchQueue } from './_dispatch-queue';
import { appendLedger, readLedger } from './ledger-file';
import { LEDGER_FILE, type LedgerEntry } from './ledger-entry';
import { findMergedTasks, mergeTaskBranch, type MergeResult } from './merge-task-branch';
import { planHash } from './plan-hash';
import type { PlaybookPorts } from './playbook-ports';
import type { MasterPlan, PlaybookTask } from './playbook-task';
import { preflight } from './_preflight';
import { renderLedger } from './render-ledger';
import { runTask, type TaskRun } from './_run-task';
import { git, removeWorktree } from './_worktree';

/** Input of {@link runPlaybook}. */
export interface RunPlaybookInput {
  plan: MasterPlan;
  /** The repository's main checkout; it must be clean. Passed work is merged into its branch. */
  repo: string;
  /** The `playbook` section of orchestration.yaml, with command-line overrides applied. */
  config: PlaybookConfig;
  /** Where agents, checks and git run. @default createExecPorts({ env }) */
  ports?: PlaybookPorts;
  /** Environment of agents and checks, and the PATH preflight looks in. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  clock: () => Date;
  /** This invocation's id, recorded in each ledger entry and shown in the rendered ledger. */
  runId: string;
  redactor: TextRedactor & ValueRedactor;
  /** Aborting (Ctrl-C) kills running agents, starts nothing more and records what ran. */
  signal?: AbortSignal;
  /**
   * Run only this task (one fan-out runner). Its dependencies' branches `rc/<id>` that exist in
   * the checkout are squash-merged first (idempotently, by trailer), so it starts from their
   * work; a dependency without a branch is taken as done. @default null
   */
  only?: string | null;
  /** Merge passed tasks into the checkout's branch; a fan-out runner only pushes. @default true */
  merge?: boolean;
  /** Recorded in each ledger entry, for ledgers merged from several machines. @default null */
  runner?: string | null;
  /** Progress, for logs. */
  onEvent?: (event: PlaybookEvent) => void;
}

/** Progress of a run. */
export type PlaybookEvent =
  | { type: 'skip'; task: string; standing: TaskStanding }
  | {
      type: 'start';
      task: string;
      branch: string;
      /** The task's transcript, relative to the repository. */ log: string;
    }
  | {
      type: 'finish';
      entry: LedgerEntry;
      /** How long the task ran (agent, checks, harvest), or null for a held merge made later. */
      durationMs: number | null;
    }
  | { type: 'stop'; reason: string };

/** What {@link runPlaybook} did. */
export interface PlaybookRunResult {
  /** The plan's content hash: the run this invocation resumed or started. */
  plan: string;
  /** Ledger entries written by this run, in order. */
  entries: LedgerEntry[];
  /** Tasks already finished by earlier runs of the same plan: not run again. */
  skipped: string[];
  /** Every task was already finished before this invocation: it did nothing. */
  upToDate: boolean;
  ledger: string;
  ledgerMarkdown: string;
  logsDir: string;
  /**
   * Why the batch stopped early, or null: `budget-spent` when the usage of this plan's tasks
   * (earlier runs included) reached `config.limits`.
   */
  stopped: { reason: 'terminal-error' | 'interrupted' | 'budget-spent'; detail: string } | null;
  /** What this plan's agents reported spending, earlier runs included. */
  usage: AgentUsage;
  /** Tasks that never started (a dependency did not pass, or the batch stopped). */
  unstarted: string[];
  /** Passed tasks whose merge is still held for a release check. */
  held: string[];
  /** Whether every planned task passed and was merged. */
  succeeded: boolean;
}

/**
 * Runs a master plan, or resumes it: tasks whose squash commit (found by its trailers) is
 * already in the integration branch are skipped, everything else runs, each in its own worktree,
 * as many at once as `config.concurrency` allows with no two overlapping scopes together,
 * dependencies first. Each result is harvested, settled ({@link decideSettle}: merge, ledger,
 * re-plan) and recorded. Preflight problems throw InvalidInputError (exit 2) before anything runs;
 * an agent that cannot run (not logged in) throws OperationError (exit 1), nothing written. Once
 * the agents' reported usage reaches `config.limits`, nothing more is dispatched.
 */
export async function runPlaybook(input: RunPlaybookInput): Promise<PlaybookRunResult> {
  const { repo, config, signal } = input;
  const env = input.env ?? process.env;
  const ports = input.ports ?? createExecPorts({ env });
  const stateDir = join(repo, config.state_dir);
  const merging = input.merge ?? true;
  const tasks = selectTasks(input.plan.tasks, input.only ?? null);
  const backend = agentBackend(config.agent);
  await preflight({
    ports,
    repo,
    tasks,
    agent: { file: backend.command, preset: config.agent.preset },
    env,
    source: input.plan.source,
  });
  // Logged in, where the CLI can tell: a run that cannot start writes nothing.
  const usable = await preflightAgent(backend, { cwd: repo, env });
  if (!usable.ok)
    throw new OperationError(`the playbook cannot start: playbook.agent: ${usable.message}`);
  // The state directory ignores itself, so logs and worktrees never show up as changes.
  await mkdir(stateDir, { recursive: true });
  await writeFile(join(stateDir, '.gitignore'), '*\n');
  if (config.integration_branch !== null)
    await git(ports, ['checkout', '-q', config.integration_branch], repo);
  const plan = planHash(input.plan);
  if (input.only !== null && input.only !== undefined)
    await bringDependencies(ports, repo, plan, input.plan.tasks, input.only);
  const ledgerPath = join(stateDir, LEDGER_FILE);
  const before = await readLedger(ledgerPath);
  const planEntries = before.entries.filter((entry) => entry.plan === plan);
  let usage = planEntries.reduce<AgentUsage>((total, entry) => addUsage(total, entry.usage), {
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: null,
  });
  const resume = decideResume({
    tasks,
    entries: planEntries,
    merged: await findMergedTasks(ports, repo, plan),
  });
  const skipped = resume.standing.filter(
    (row) => row.state === 'merged' || row.state === 'replaced',
  );
  for (const row of skipped) input.onEvent?.({ type: 'skip', task: row.id, standing: row });

  const queue = new DispatchQueue(resume.pending, () => 1);
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
  const held: { entry: LedgerEntry; release: boolean }[] = [];
  const releaseChecks = new Set<string>();
  let stopped: PlaybookRunResult['stopped'] = null;
  const running = new Map<string, Promise<TaskRun>>();
  const stop = (why: NonNullable<PlaybookRunResult['stopped']>) => {
    if (stopped !== null) return;
    stopped = why;
    input.onEvent?.({ type: 'stop', reason: why.detail });
  };
  const record = async (entry: LedgerEntry, durationMs: number | null) => {
    entries.push(entry);
    await appendLedger(stateDir, [entry], input.redactor);
    input.onEvent?.({ type: 'finish', entry, durationMs });
  };
  // Spent budget: what runs may finish, nothing more starts.
  const checkBudget = () => {
    const spent = budgetSpent(usage, config.limits);
    if (spent !== null) stop({ reason: 'budget-spent', detail: spent });
  };
  if (!resume.complete) checkBudget();
  const merge = (task: string, branch: string, subject: string): Promise<MergeResult> =>
    mergeTaskBranch({ ports, repo, branch, subject, plan, task });

  const settle = async (run: TaskRun) => {
    const { task } = run;
    const interrupted = run.aborted || signal?.aborted === true;
    // A passing release check lifts its own hold before its merge.
    const clearsHold =
      !interrupted && run.harvest.result === 'pass' && releaseChecks.delete(task.id);
    const facts = {
      task,
      harvest: run.harvest,
      signals: run.signals,
      interrupted,
      terminal: run.terminal,
      mergesHeld: releaseChecks.size > 0,
      batchStopped: stopped !== null,
      config,
    };
    const intent = merging ? settleMergeIntent(facts) : 'skip';
    const merged =
      intent === 'merge'
        ? await merge(task.id, `rc/${task.id}`, `rc: ${task.id}: ${task.objective}`)
        : null;
    const settled = decideSettle(facts, merged);
    if (settled.stop !== null) stop(settled.stop);
    const entry = ledgerEntryOf(input, plan, run, settled);
    await record(entry, run.durationMs);
    usage = addUsage(usage, run.usage);
    checkBudget();
    if (settled.merge === 'held')
      held.push({ entry, release: settled.decision.action === 'close' });
    if (settled.decision.holdMerges)
      for (const opened of settled.decision.tasks) releaseChecks.add(opened.id);
    queue.finish(task.id, settled.outcome, settled.dispatch);
    if (clearsHold && releaseChecks.size === 0) await flushHeld();
    await removeWorktree(ports, repo, run.worktree);
  };

  const flushHeld = async () => {
    for (const item of held.splice(0)) {
      const merged = await merge(
        item.entry.task_id,
        item.entry.branch,
        `rc: ${item.entry.task_id}`,
      );
      await record(
        {
          ...item.entry,
          run_id: input.runId,
          // No agent ran for this row: its usage is already on the held entry.
          usage: null,
          merge: merged.outcome,
          merge_commit: merged.commit,
          conflict_files: merged.conflict_files,
          evidence: `${item.entry.evidence}; ${merged.outcome === 'merged' ? 'merged after release check' : `merge conflict: ${merged.conflict_files.join(', ')}`}`,
          next_action:
            merged.outcome === 'merged'
              ? 'close task; unlock dependents'
              : 'resolve the merge conflict by hand',
          opened: [],
          replan: merged.outcome === 'merged' ? 'close' : 'stop',
          finished_at: formatPhoenix(input.clock()),
        },
        null,
      );
      if (merged.outcome === 'merged' && item.release) queue.passHeld(item.entry.task_id);
    }
  };

  for (;;) {
    if (signal?.aborted) stop({ reason: 'interrupted', detail: 'interrupted (Ctrl-C)' });
    while (stopped === null && queue.running < config.concurrency) {
      const task = queue.take();
      if (task === null) break;
      input.onEvent?.({
        type: 'start',
        task: task.id,
        branch: `rc/${task.id}`,
        log: relative(repo, join(stateDir, 'logs', `${task.id}.log`)),
      });
      running.set(task.id, runTask(task, context));
    }
    if (running.size === 0) break;
    const done = await Promise.race(running.values());
    running.delete(done.task.id);
    await settle(done);
  }
  const ledger = await readLedger(ledgerPath);
  const ledgerMarkdown = join(stateDir, 'ledger.md');
  await writeFileAtomic(ledgerMarkdown, renderLedger(ledger.entries), { redactor: input.redactor });
  const passed = resume.pending.every((task) => queue.state(task.id) === 'passed');
  return {
    plan,
    entries,
    skipped: skipped.map((row) => row.id),
    upToDate: resume.complete,
    ledger: ledger.path,
    ledgerMarkdown,
    logsDir: join(stateDir, 'logs'),
    stopped,
    usage,
    unstarted: queue.unstarted().map((task) => task.id),
    held: held.map((item) => item.entry.task_id),
    succeeded: passed && stopped === null,
  };
}

function ledgerEntryOf(
  input: RunPlaybookInput,
  plan: string,
  run: TaskRun,
  settled: SettleDecision,
): LedgerEntry {
  const { task, harvest } = run;
  return {
    run_id: input.runId,
    plan,
    task_id: task.id,
    parent: task.parent,
    skill: task.skill,
    branch: `rc/${task.id}`,
    result: harvest.result,
    evidence: settled.evidence,
    diff_stat: harvest.diff_stat,
    changed_files: harvest.changed_files,
    out_of_scope: harvest.out_of_scope,
    checks: harvest.checks,
    agent_exit_code: run.agentExitCode,
    usage: run.usage,
    merge: settled.merge,
    merge_commit: settled.merge_commit,
    conflict_files: settled.conflict_files,
    replan: settled.decision.action,
    opened: settled.decision.tasks.map((opened) => opened.id),
    next_action: settled.next_action,
    log: relative(input.repo, run.log),
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    runner: input.runner ?? null,
  };
}

function selectTasks(tasks: readonly PlaybookTask[], only: string | null): PlaybookTask[] {
  if (only === null) return [...tasks];
  const task = tasks.find((candidate) => candidate.id === only);
  if (task === undefined) throw new InvalidInputError(`--task: no task "${only}" in the plan`);
  return [{ ...task, dependencies: [] }];
}

// A fan-out runner starts from its dependencies' work: their branches, merged as the fan-in will.
async function bringDependencies(
  ports: PlaybookPorts,
  repo: string,
  plan: string,
  tasks: readonly PlaybookTask[],
  only: string,
): Promise<void> {
  const task = tasks.find((candidate) => candidate.id === only) as PlaybookTask;
  for (const dependency of tasks.filter((candidate) => task.dependencies.includes(candidate.id))) {
    const branch = `rc/${dependency.id}`;
    const exists = await ports.git(['rev-parse', '--verify', '-q', `refs/heads/${branch}`], repo);
    if (exists.exitCode !== 0) continue;
    const merged = await mergeTaskBranch({
      ports,
      repo,
      branch,
      subject: `rc: ${dependency.id}: ${dependency.objective}`,
      plan,
      task: dependency.id,
    });
    if (merged.outcome === 'conflict')
      throw new OperationError(
        `--task ${only}: the branch of its dependency ${dependency.id} conflicts in ${merged.conflict_files.join(', ')}`,
      );
  }
}
