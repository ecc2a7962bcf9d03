/** One branch of a master plan: what an agent does, where it may write, and how it is checked. */
export interface PlaybookTask {
  /** Branch ID, also the git branch `rc/<id>`: letters, digits, `.`, `_`, `-`. */
  id: string;
  objective: string;
  /** Owner skill the agent is told to use (`development-implementer`, ...). */
  skill: string;
  /** Ids of tasks that must pass first. */
  dependencies: string[];
  /** Done criteria; empty means unclear, which re-planning sends to the requirements skill. */
  done_criteria: string;
  /** Paths or globs the task may change (`packages/ui/`, `src/**\/*.ts`). Never empty. */
  scope: string[];
  /** Shell commands run in the task's worktree at harvest; all must exit 0 for a pass. */
  checks: string[];
  /** 1-based line of the task in its master plan (0 for tasks made by re-planning). */
  line: number;
  /** The task this one was split or opened from by re-planning; null for planned tasks. */
  parent: string | null;
  /** How many re-planning steps led here (0 for planned tasks). */
  depth: number;
}

/** A parsed master plan. */
export interface MasterPlan {
  /** Where it was read from, for messages. */
  source: string;
  /** Tasks in plan order. */
  tasks: PlaybookTask[];
}

/** Task ids become branch names (`rc/<id>`) and file names, so they stay plain. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
