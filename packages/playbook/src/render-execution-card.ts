import type { PlaybookTask } from './playbook-task';

/** Input of {@link renderExecutionCard}. */
export interface RenderExecutionCardInput {
  task: PlaybookTask;
  /** Scopes of the other tasks in the plan, named as prohibited areas. */
  prohibited: readonly string[];
  /** The task's branch (`rc/<id>`). */
  branch: string;
  /** The agent that receives the card, named in its title (`Codex Execution Card`). @default 'Agent' */
  agent?: string;
}

const bullet = (items: readonly string[], none: string) =>
  items.length === 0 ? ` ${none}` : `\n${items.map((item) => `    - ${item}`).join('\n')}`;

/** The seed's Execution Card for one task, titled for the agent that receives it. */
export function renderExecutionCard(input: RenderExecutionCardInput): string {
  const { task } = input;
  return [
    `## ${input.agent ?? 'Agent'} Execution Card: ${task.id}`,
    `- Skill: ${task.skill || 'development-implementer'}`,
    `- Goal: ${task.objective || '(none given)'}`,
    '- Allowed Scope:',
    `  - Files/paths:${bullet(task.scope, '(none)')}`,
    `  - Prohibited areas:${bullet(input.prohibited, 'anything outside the paths above')}`,
    `- Commands to run: work on branch ${input.branch} in this directory; do not push`,
    `- Tests/checks to run:${bullet(task.checks, 'none configured')}`,
    '- Evidence to capture: the diff (rc records it) and the output of the checks',
    `- Completion criteria: ${task.done_criteria || '(unclear: say so with a line "RC-SIGNAL: unclear-criteria")'}`,
    '',
    'Changes outside the allowed scope fail the task. Report problems with one line each:',
    '"RC-SIGNAL: unclear-criteria", "RC-SIGNAL: design-conflict" or "RC-SIGNAL: release-risk".',
    '',
  ].join('\n');
}
