import {
  DispatchPlanSchema,
  formatPhoenix,
  formatRunId,
  parseRunId,
  validate,
  type DispatchConfig,
  type DispatchPlan,
  type SlashCommand,
} from '@rc/orchestrator-core';
import { planFailure } from './_plan-failure';
import { resolveLabels } from './_resolve-labels';
import { commandInstructions } from './command-instructions';
import type { DispatchEvent } from './dispatch-event';
import type { PlanResult } from './plan-error';
import { resolvePromptFile } from './resolve-prompt-file';
import { sanitizeSlashCommand } from './sanitize-slash-command';
import type { TargetIssue } from './target-issue';

/** Input of {@link planDispatch}: the event (tagged by `eventName`) plus everything else it needs. */
export type PlanDispatchInput = DispatchEvent & {
  /** The parsed `/orchestrate` command. */
  command: SlashCommand;
  /** The `dispatch` section of `orchestration.yaml`, defaults applied. */
  config: DispatchConfig;
  /** File names in `config.prompts_dir`, as `listPromptFiles` returns them. */
  prompts: readonly string[];
  /** The current instant; only used when no `runId` is given. */
  now: Date;
  /**
   * The run id (`--run-id`, `PHOENIX_RUN_ID`); when set, the plan's timestamp is the instant it
   * names, so a retried step with the same run id plans identical bytes.
   * @default formatRunId(now)
   */
  runId?: string | null;
  /**
   * The target issue's labels when the caller looked them up. Needed when the command targets an
   * issue other than the commented one, or the event is `workflow_dispatch`: the event does not
   * carry those labels, and a configured required label then fails closed without them.
   * @default null
   */
  targetIssue?: TargetIssue | null;
};

/**
 * Turns a command into a deterministic plan: target issue and its labels (checking the required
 * label), helper prompt file, workflow and inputs, run id and Phoenix timestamp. Pure: no
 * network, no clock, no file access; the same input always gives the same plan. Never throws.
 */
export function planDispatch(input: PlanDispatchInput): PlanResult<DispatchPlan> {
  const { command, config } = input;
  const time = runTime(input.runId ?? null, input.now);
  if (!time.ok) return time;
  const labels = resolveLabels({
    ...input,
    issue: command.issue_number,
    requiredLabel: config.required_label,
    targetIssue: input.targetIssue ?? null,
    maxLength: config.max_text_length,
  });
  if (!labels.ok) return labels;
  const prompt = resolvePromptFile({
    issue: command.issue_number,
    explicit: command.prompt,
    promptMap: config.prompt_map,
    promptsDir: config.prompts_dir,
    files: input.prompts,
  });
  if (!prompt.ok) return prompt;
  const workflowName = config.workflow.replace(/\.ya?ml$/, '');
  const plan: DispatchPlan = {
    schema_version: 1,
    run_id: time.value.runId,
    phoenix_timestamp: time.value.timestamp,
    repository: input.event.repository.full_name,
    command: sanitizeSlashCommand(command, { maxLength: config.max_text_length }),
    issue: {
      number: command.issue_number,
      labels: labels.value,
      required_label: config.required_label,
    },
    prompt: prompt.value,
    workflow: {
      name: workflowName,
      file: workflowName === config.workflow ? `${workflowName}.yml` : config.workflow,
      ref: config.ref,
      inputs: {
        issue: String(command.issue_number),
        prompt: prompt.value.name,
        run_id: time.value.runId,
      },
    },
  };
  const instructions = commandInstructions(commandText(input), {
    maxLength: config.max_text_length,
  });
  if (instructions !== null) plan.instructions = instructions;
  const checked = validate(DispatchPlanSchema, plan);
  if (!checked.ok) {
    return planFailure(
      'invalid_plan',
      `the plan breaks its schema: ${checked.issues.join('; ')}`,
      [],
      checked.issues,
    );
  }
  return { ok: true, value: checked.value };
}

function runTime(
  runId: string | null,
  now: Date,
): PlanResult<{ runId: string; timestamp: string }> {
  if (runId !== null) {
    const parsed = parseRunId(runId);
    if (!parsed.ok) {
      return planFailure(
        'invalid_run_id',
        `${parsed.issues.join('; ')}; expected e.g. 2026-11-20T09-15-00-0700`,
        ['YYYY-MM-DDTHH-mm-ss-0700'],
        [runId.slice(0, 64)],
      );
    }
    return { ok: true, value: { runId, timestamp: formatPhoenix(parsed.value) } };
  }
  if (Number.isNaN(now.getTime())) {
    return planFailure(
      'invalid_time',
      'now is an invalid Date',
      ['a valid Date'],
      ['Invalid Date'],
    );
  }
  return { ok: true, value: { runId: formatRunId(now), timestamp: formatPhoenix(now) } };
}

// The text the command came in: the comment, or a workflow_dispatch's `command` input.
function commandText(input: PlanDispatchInput): string {
  if (input.eventName === 'issue_comment') return input.event.comment.body ?? '';
  const command = input.event.inputs?.['command'];
  return typeof command === 'string' ? command : '';
}
