import type { Located, WorkflowModel } from './_workflow-model';

/** How bad a finding is: an error fails by default, a warning too, a note is a hint. */
export type Severity = 'error' | 'warning' | 'note';

/** How sure a rule is that the finding is real. */
export type Confidence = 'high' | 'medium' | 'low';

/** A finding before it is tied to a file. */
export interface RuleFinding {
  readonly line: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly message: string;
}

/** What rules may be told. */
interface RuleOptions {
  /** Secret names a workflow that runs rc may reference besides ORCHESTRATOR_BOT_TOKEN and GITHUB_TOKEN. */
  readonly allowedSecrets: readonly string[];
}

/** A pure check over one parsed workflow. */
export type Rule = (workflow: WorkflowModel, options: RuleOptions) => RuleFinding[];

/** Every source offset at which `pattern` (global) matches within [start, end). */
export function offsetsOf(text: string, pattern: RegExp, start = 0, end = text.length): number[] {
  const slice = text.slice(start, end);
  return [...slice.matchAll(pattern)].map((match) => start + (match.index ?? 0));
}

/** The file line of line `index` (0-based) of a scalar; block scalars start one line down. */
export function lineInRun(text: string, run: Located, index: number): number {
  const block = text[run.start] === '|' || text[run.start] === '>';
  return run.line + index + (block ? 1 : 0);
}

/** The `${{ }}` expressions of a value with the 0-based line of the value each starts on. */
export function expressionsOf(value: string): { expression: string; index: number }[] {
  const found: { expression: string; index: number }[] = [];
  for (const match of value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const before = value.slice(0, match.index ?? 0);
    found.push({ expression: (match[1] ?? '').trim(), index: before.split('\n').length - 1 });
  }
  return found;
}

/** The shell steps of workflows rc runs in: a step's script mentions an `rc` command. */
const RC_COMMAND =
  /(^|[\s;&|(`$])(npx\s+)?rc\s+(gate|orchestrator|loop|playbook|promote|simulate)\b/m;

/** Whether a workflow runs rc: an rc command in a step, or a call of rc's reusable workflows or Action. */
export function runsRc(workflow: WorkflowModel): boolean {
  return workflow.jobs.some(
    (job) =>
      /\/reusable-(orchestrator|playbook)\.ya?ml@/.test(job.uses?.value ?? '') ||
      job.steps.some((step) => RC_COMMAND.test(step.run?.value ?? '')),
  );
}
