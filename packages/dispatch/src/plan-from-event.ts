import { resolve } from 'node:path';
import {
  commandFromEvent,
  InvalidInputError,
  OperationError,
  type DispatchConfig,
  type DispatchPlan,
  type GitHubEvent,
} from '@rc/orchestrator-core';
import { toDispatchEvent } from './dispatch-event';
import { listPromptFiles } from './list-prompt-files';
import { planDispatch } from './plan-dispatch';
import { planErrorToRcError } from './plan-error';
import type { TargetIssue } from './target-issue';

/** Input of {@link planFromEvent}. */
export interface PlanFromEventInput {
  event: GitHubEvent;
  /** The `dispatch` section of `orchestration.yaml`, defaults applied. */
  config: DispatchConfig;
  /** The repository checkout; `config.prompts_dir` is resolved against it. */
  cwd: string;
  /** The current instant (the caller's clock); only used when no `runId` is given. */
  now: Date;
  /** The run id. @default null (taken from `now`) */
  runId?: string | null;
  /**
   * Looks up the labels of the issue a command targets when it is not the commented one and a
   * label is required. Null (no token) makes the planner fail closed.
   * @default undefined (no lookup: the labels are unknown)
   */
  fetchTargetIssue?: (issueNumber: number) => Promise<TargetIssue | null>;
}

/**
 * Parses the event's command and plans it: the prompt files are listed and, when needed, the
 * target issue's labels looked up, then {@link planDispatch} decides. Throws an
 * InvalidInputError for a malformed command, the planner's rc error for a refused plan, and an
 * OperationError when the label lookup fails.
 */
export async function planFromEvent(input: PlanFromEventInput): Promise<DispatchPlan> {
  const { event, config } = input;
  const command = commandFromEvent(event, {
    command: config.command,
    staticArgs: config.static_args,
  });
  if (!command.ok)
    throw new InvalidInputError(`not a valid /${config.command} command: ${command.error.message}`);
  const issueNumber = command.value.issue_number;
  const commented = event.name === 'issue_comment' ? event.payload.issue.number : null;
  const lookup =
    commented === issueNumber || config.required_label === null
      ? undefined
      : input.fetchTargetIssue;
  let targetIssue: TargetIssue | null = null;
  if (lookup !== undefined) {
    try {
      targetIssue = await lookup(issueNumber);
    } catch (error) {
      throw new OperationError(
        `cannot read the labels of issue #${issueNumber}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  const planned = planDispatch({
    ...toDispatchEvent(event),
    command: command.value,
    config,
    prompts: await listPromptFiles(resolve(input.cwd, config.prompts_dir)),
    now: input.now,
    runId: input.runId ?? null,
    targetIssue,
  });
  if (!planned.ok) throw planErrorToRcError(planned.error);
  return planned.value;
}
