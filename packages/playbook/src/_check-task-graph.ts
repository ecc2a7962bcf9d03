import type { PlaybookTask } from './playbook-task';

/**
 * Problems with a task list as a graph: duplicate ids, dependencies on unknown tasks, and
 * dependency cycles (printed as `A -> B -> A`). Each message starts with `<source>:<line>: `.
 */
export function checkTaskGraph(tasks: readonly PlaybookTask[], source: string): string[] {
  const problems: string[] = [];
  const at = (task: PlaybookTask) => `${source}:${task.line}: `;
  const byId = new Map<string, PlaybookTask>();
  for (const task of tasks) {
    const first = byId.get(task.id);
    if (first === undefined) byId.set(task.id, task);
    else problems.push(`${at(task)}duplicate task id "${task.id}" (first at line ${first.line})`);
  }
  for (const task of tasks) {
    for (const dependency of task.dependencies) {
      if (!byId.has(dependency))
        problems.push(`${at(task)}task "${task.id}" depends on unknown task "${dependency}"`);
      else if (dependency === task.id)
        problems.push(`${at(task)}task "${task.id}" depends on itself`);
    }
  }
  if (problems.length > 0) return problems;
  const cycle = findCycle(tasks, byId);
  if (cycle !== null) {
    const first = byId.get(cycle[0] as string) as PlaybookTask;
    problems.push(`${at(first)}dependency cycle: ${cycle.join(' -> ')}`);
  }
  return problems;
}

// Iterative depth-first search (10,000-task plans would overflow a recursive one).
function findCycle(
  tasks: readonly PlaybookTask[],
  byId: ReadonlyMap<string, PlaybookTask>,
): string[] | null {
  const state = new Map<string, 1 | 2>();
  for (const root of tasks) {
    if (state.has(root.id)) continue;
    const path: string[] = [root.id];
    const cursor: number[] = [0];
    state.set(root.id, 1);
    while (path.length > 0) {
      const id = path[path.length - 1] as string;
      const task = byId.get(id) as PlaybookTask;
      const next = cursor[cursor.length - 1] as number;
      if (next >= task.dependencies.length) {
        state.set(id, 2);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = next + 1;
      const dependency = task.dependencies[next] as string;
      const seen = state.get(dependency);
      if (seen === 1) return [...path.slice(path.indexOf(dependency)), dependency];
      if (seen === undefined) {
        state.set(dependency, 1);
        path.push(dependency);
        cursor.push(0);
      }
    }
  }
  return null;
}
