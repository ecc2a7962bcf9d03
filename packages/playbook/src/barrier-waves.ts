import { ScopeIndex } from './_scope-index';
import type { PlaybookTask } from './playbook-task';
import { scopeBase } from './scopes-overlap';

/**
 * The hand-run playbook's grouping, kept as a baseline: wave after wave, each holding up to
 * `concurrency` ready tasks with disjoint scopes (in plan order), and each waiting for the whole
 * previous wave to finish. Returns the waves as lists of ids; tasks that can never run are left out.
 */
export function barrierWaves(
  tasks: readonly PlaybookTask[],
  options: { concurrency: number },
): string[][] {
  const done = new Set<string>();
  const known = new Set(tasks.map((task) => task.id));
  let pending = tasks.filter((task) => task.dependencies.every((id) => known.has(id)));
  const waves: string[][] = [];
  while (pending.length > 0) {
    const index = new ScopeIndex();
    const wave: string[] = [];
    const rest: PlaybookTask[] = [];
    for (const task of pending) {
      const bases = task.scope.map(scopeBase);
      const ready = task.dependencies.every((id) => done.has(id));
      if (ready && wave.length < options.concurrency && index.conflict(bases) === null) {
        index.add(task.id, bases);
        wave.push(task.id);
      } else rest.push(task);
    }
    if (wave.length === 0) break;
    for (const id of wave) done.add(id);
    waves.push(wave);
    pending = rest;
  }
  return waves;
}
