import { INTERRUPTED_NEXT_ACTION, type LedgerEntry } from './ledger-entry';
import type { PlaybookTask } from './playbook-task';

/** What is known about a plan before a run: its tasks, its ledger and what is merged. */
export interface ResumeFacts {
  tasks: readonly PlaybookTask[];
  /** Ledger entries of this plan (same content hash), in file order. */
  entries: readonly LedgerEntry[];
  /** Task id to squash commit, for tasks whose merge trailer is in the integration branch. */
  merged: ReadonlyMap<string, string>;
}

/** Where one planned task stands. */
export interface TaskStanding {
  id: string;
  /**
   * `merged`: its squash commit is in the integration branch; `replaced`: the tasks re-planning
   * opened for it are all merged; otherwise what its last ledger entry says (`interrupted`,
   * `failed`, `held`, `passed` but not merged) or `pending` when it never ran.
   */
  state: 'merged' | 'replaced' | 'interrupted' | 'failed' | 'held' | 'passed' | 'pending';
  /** The merge commit (for `merged`), else null. */
  commit: string | null;
  /** The run (`run_id`) of its last ledger entry, or null. */
  run: string | null;
}

/** What {@link decideResume} decided. */
export interface ResumeDecision {
  /** Every planned task, in plan order. */
  standing: TaskStanding[];
  /** Tasks to run, with dependencies on finished tasks dropped (those are done). */
  pending: PlaybookTask[];
  /** Whether every task is finished: nothing to run. */
  complete: boolean;
}

/**
 * Decides what a run of a plan still has to do, pure. A task is finished when its merge trailer
 * is in the integration branch, or when every task re-planning opened for it is finished (a
 * split, a root-cause task). Everything else runs again from its plan definition: interrupted,
 * failed, held, never started. Nothing is merged twice: finished tasks never run.
 */
export function decideResume(facts: ResumeFacts): ResumeDecision {
  const last = new Map<string, LedgerEntry>();
  for (const entry of facts.entries) last.set(entry.task_id, entry);
  const finished = new Map<string, boolean>();
  const isFinished = (id: string, seen: Set<string>): boolean => {
    const known = finished.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return false;
    seen.add(id);
    const opened = last.get(id)?.opened ?? [];
    const done =
      facts.merged.has(id) ||
      (opened.length > 0 && opened.every((child) => isFinished(child, seen)));
    finished.set(id, done);
    return done;
  };
  const standing = facts.tasks.map((task): TaskStanding => {
    const entry = last.get(task.id);
    const run = entry?.run_id ?? null;
    const commit = facts.merged.get(task.id) ?? null;
    if (commit !== null) return { id: task.id, state: 'merged', commit, run };
    if (isFinished(task.id, new Set())) return { id: task.id, state: 'replaced', commit, run };
    return { id: task.id, state: stateOf(entry), commit, run };
  });
  const done = new Set(
    standing
      .filter((row) => row.state === 'merged' || row.state === 'replaced')
      .map((row) => row.id),
  );
  const pending = facts.tasks
    .filter((task) => !done.has(task.id))
    .map((task) => ({
      ...task,
      dependencies: task.dependencies.filter((dependency) => !done.has(dependency)),
    }));
  return { standing, pending, complete: pending.length === 0 };
}

function stateOf(entry: LedgerEntry | undefined): TaskStanding['state'] {
  if (entry === undefined) return 'pending';
  if (entry.next_action === INTERRUPTED_NEXT_ACTION) return 'interrupted';
  if (entry.merge === 'held') return 'held';
  if (entry.result === 'pass' && entry.replan === 'close') return 'passed';
  return 'failed';
}
