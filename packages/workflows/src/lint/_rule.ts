import type { Located, WorkflowModel } from './_workflow-model';

/** A finding before it is tied to a file. */
export interface RuleFinding {
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

/** What rules may be told. */
export interface RuleOptions {
  /** Secret names a workflow may reference besides ORCHESTRATOR_BOT_TOKEN and GITHUB_TOKEN. */
  readonly allowedSecrets: readonly string[];
}

/** A pure check over one parsed workflow. */
export type Rule = (workflow: WorkflowModel, options: RuleOptions) => RuleFinding[];

/** Every source offset at which `pattern` (global) matches within [start, end). */
export function offsetsOf(text: string, pattern: RegExp, start = 0, end = text.length): number[] {
  const slice = text.slice(start, end);
  return [...slice.matchAll(pattern)].map((match) => start + (match.index ?? 0));
}

/** The file line of line `index` (0-based) of a `run:` script; block scalars start one line down. */
export function lineInRun(text: string, run: Located, index: number): number {
  const block = text[run.start] === '|' || text[run.start] === '>';
  return run.line + index + (block ? 1 : 0);
}
