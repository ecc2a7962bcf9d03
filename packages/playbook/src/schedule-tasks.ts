import { InvalidInputError } from '@rc/orchestrator-core';
import { DispatchQueue } from './_dispatch-queue';
import { Heap } from './_heap';
import type { PlaybookTask } from './playbook-task';

/** Options of {@link scheduleTasks}. */
export interface ScheduleTasksOptions {
  /** How many tasks may run at once (agent slots). */
  concurrency: number;
  /** Estimated duration of each task by id, in any unit. @default 1 for every task */
  durations?: Readonly<Record<string, number>>;
}

/** One task's place in a schedule. */
export interface ScheduledTask {
  id: string;
  /** When it starts and ends, in the unit of the durations. */
  start: number;
  end: number;
  /** Which agent slot runs it, 0-based. */
  slot: number;
}

/** What {@link scheduleTasks} decided. */
export interface PlaybookSchedule {
  concurrency: number;
  /** When the last task ends. */
  makespan: number;
  /** Every scheduled task, by start time, then slot. */
  entries: ScheduledTask[];
  /** Tasks that can never run (unknown or cyclic dependencies), in plan order. */
  unscheduled: string[];
}

/**
 * Decides what runs when, assuming every task passes: list scheduling by dependencies, not by
 * barrier waves. Whenever a slot is free, the ready task with the longest remaining critical
 * path (ties by id) starts, unless its scope overlaps a running task's. Pure and deterministic.
 */
export function scheduleTasks(
  tasks: readonly PlaybookTask[],
  options: ScheduleTasksOptions,
): PlaybookSchedule {
  const { concurrency, durations = {} } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InvalidInputError(`concurrency: expected a whole number >= 1, got ${concurrency}`);
  const duration = (task: PlaybookTask) => {
    const value = durations[task.id] ?? 1;
    if (!Number.isFinite(value) || value < 0)
      throw new InvalidInputError(`durations.${task.id}: expected a number >= 0, got ${value}`);
    return value;
  };
  const queue = new DispatchQueue(tasks, duration);
  const running = new Heap<ScheduledTask>(
    (a, b) => a.end < b.end || (a.end === b.end && a.id < b.id),
  );
  const free = new Heap<number>((a, b) => a < b);
  for (let slot = 0; slot < concurrency; slot++) free.push(slot);
  const entries: ScheduledTask[] = [];
  let now = 0;
  for (;;) {
    while (free.size > 0) {
      const task = queue.take();
      if (task === null) break;
      const entry = {
        id: task.id,
        start: now,
        end: now + duration(task),
        slot: free.pop() as number,
      };
      entries.push(entry);
      running.push(entry);
    }
    const first = running.pop();
    if (first === undefined) break;
    now = first.end;
    for (let done: ScheduledTask | undefined = first; done !== undefined;) {
      queue.finish(done.id, 'passed');
      free.push(done.slot);
      done = running.peek()?.end === now ? running.pop() : undefined;
    }
  }
  const scheduled = new Set(entries.map((entry) => entry.id));
  return {
    concurrency,
    makespan: entries.reduce((latest, entry) => Math.max(latest, entry.end), 0),
    entries,
    unscheduled: tasks.filter((task) => !scheduled.has(task.id)).map((task) => task.id),
  };
}
