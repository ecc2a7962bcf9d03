import type { LedgerEntry } from './ledger-entry';
import type { PlaybookTask } from './playbook-task';

/** What the fan-in does with one task, in dependency order. */
export interface FanInStep {
  id: string;
  /**
   * `merge`: its runner passed it, merge `rc/<id>`; `already`: its trailer is in the integration
   * branch; `blocked`: a dependency is not merged; `skip`: it did not pass (or never ran).
   */
  action: 'merge' | 'already' | 'blocked' | 'skip';
  /** Why, for `blocked` and `skip`. */
  reason: string | null;
  /** The runner's last ledger entry for the task, or null. */
  entry: LedgerEntry | null;
}

/**
 * Decides the fan-in of a fan-out run, pure: tasks in dependency order (plan order among equals),
 * each merged when its runner's last entry of this plan passed and every dependency is merged.
 * A task merged before is left alone, so the fan-in can run again without changing anything.
 */
export function decideFanIn(input: {
  tasks: readonly PlaybookTask[];
  /** Entries of this plan (same hash) from every runner's ledger. */
  entries: readonly LedgerEntry[];
  /** Task id to squash commit, for tasks whose trailer is in the integration branch. */
  merged: ReadonlyMap<string, string>;
}): FanInStep[] {
  const last = new Map<string, LedgerEntry>();
  for (const entry of input.entries) last.set(entry.task_id, entry);
  const done = new Set<string>();
  const steps: FanInStep[] = [];
  for (const task of dependencyOrder(input.tasks)) {
    const entry = last.get(task.id) ?? null;
    const step = (action: FanInStep['action'], reason: string | null = null) => {
      steps.push({ id: task.id, action, reason, entry });
      if (action === 'merge' || action === 'already') done.add(task.id);
    };
    const missing = task.dependencies.filter((dependency) => !done.has(dependency));
    if (input.merged.has(task.id)) step('already');
    else if (missing.length > 0) step('blocked', `dependency not merged: ${missing.join(', ')}`);
    else if (entry === null) step('skip', 'no ledger entry: the task did not run');
    else if (entry.result !== 'pass' || entry.replan !== 'close')
      step('skip', `${entry.result}: ${entry.next_action}`);
    else step('merge');
  }
  return steps;
}

// Kahn's algorithm, taking ready tasks in plan order: the order a one-machine run merges in
// when tasks run one at a time.
function dependencyOrder(tasks: readonly PlaybookTask[]): PlaybookTask[] {
  const known = new Set(tasks.map((task) => task.id));
  const placed = new Set<string>();
  const order: PlaybookTask[] = [];
  while (order.length < tasks.length) {
    const next = tasks.find(
      (task) =>
        !placed.has(task.id) &&
        task.dependencies.every((dependency) => placed.has(dependency) || !known.has(dependency)),
    );
    // A cycle cannot get here (the parser refuses it); stop rather than loop.
    if (next === undefined) break;
    placed.add(next.id);
    order.push(next);
  }
  return order;
}
