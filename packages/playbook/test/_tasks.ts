import type { PlaybookTask } from '../src/playbook-task';

/** A task with defaults, for tests. */
export function task(
  id: string,
  scope: string[],
  dependencies: string[] = [],
  extra: Partial<PlaybookTask> = {},
): PlaybookTask {
  return {
    id,
    objective: `do ${id}`,
    skill: 'development-implementer',
    dependencies,
    done_criteria: `${id} done`,
    scope,
    checks: [],
    line: 0,
    parent: null,
    depth: 0,
    ...extra,
  };
}
