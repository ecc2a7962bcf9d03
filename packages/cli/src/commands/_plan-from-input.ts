import { resolve } from 'node:path';
import {
  commandFromEvent,
  createLogger,
  createRedactor,
  InvalidInputError,
  LOG_LEVELS,
  parseGitHubEvent,
  parsePhoenix,
  type DispatchPlan,
  type GitHubEvent,
  type Logger,
  type LogLevel,
  type OrchestrationConfig,
  type Redactor,
} from '@rc/orchestrator-core';
import { listPromptFiles, planDispatch, planErrorToRcError, toDispatchEvent } from '@rc/dispatch';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';
import { readEvent } from '../read-event';

/** Options shared by `rc orchestrator plan` and `rc orchestrator dispatch`. */
export interface PlanOptions {
  eventPath?: string;
  eventName?: string;
  config?: string;
  runId?: string;
  now?: string;
  artifactsDir?: string;
  json?: boolean;
}

/** Everything a plan was made from, for the command that goes on to write or dispatch it. */
export interface PlannedRun {
  config: OrchestrationConfig;
  event: GitHubEvent;
  plan: DispatchPlan;
  artifactsDir: string;
  redactor: Redactor;
  logger: Logger;
}

/** Reads config and event, parses the command and plans it; throws rc errors on bad input. */
export async function planFromInput(options: PlanOptions, io: CliIo): Promise<PlannedRun> {
  const config = await loadConfig(options.config, io);
  const input = await readEvent(options, io);
  const parsed = parseGitHubEvent(input.payload, input.name);
  if (!parsed.ok)
    throw new InvalidInputError(`${input.source} is not a valid GitHub event:`, {
      issues: parsed.issues,
    });
  const command = commandFromEvent(parsed.value, {
    command: config.dispatch.command,
    staticArgs: config.dispatch.static_args,
  });
  if (!command.ok)
    throw new InvalidInputError(
      `not a valid /${config.dispatch.command} command: ${command.error.message}`,
    );
  const now = instant(options.now, io);
  const runId = options.runId ?? (io.env['PHOENIX_RUN_ID'] || null);
  const prompts = await listPromptFiles(resolve(io.cwd, config.dispatch.prompts_dir));
  // Loaded only when needed: most plans never talk to GitHub, and Octokit is most of a cold start.
  const commented =
    parsed.value.name === 'issue_comment' ? parsed.value.payload.issue.number : null;
  const targetIssue =
    commented === command.value.issue_number || config.dispatch.required_label === null
      ? null
      : await (
          await import('./_fetch-target-issue')
        ).fetchTargetIssue(parsed.value, command.value.issue_number, io);
  const planned = planDispatch({
    ...toDispatchEvent(parsed.value),
    command: command.value,
    config: config.dispatch,
    prompts,
    now,
    runId,
    targetIssue,
  });
  if (!planned.ok) throw planErrorToRcError(planned.error);
  const redactor = createRedactor({ env: io.env });
  const plan = planned.value;
  const logger = createLogger({
    stream: io.stderr,
    clock: io.clock,
    redactor,
    level: logLevel(io.env['RC_LOG_LEVEL']),
    fields: {
      command: plan.command.command,
      issue_number: plan.issue.number,
      run_id: plan.run_id,
      phoenix_timestamp: plan.phoenix_timestamp,
    },
  });
  const artifactsDir = resolve(io.cwd, options.artifactsDir ?? config.dispatch.artifacts_dir);
  return { config, event: parsed.value, plan, artifactsDir, redactor, logger };
}

function instant(text: string | undefined, io: CliIo): Date {
  if (text === undefined) return io.clock();
  const parsed = parsePhoenix(text);
  if (!parsed.ok) throw new InvalidInputError(`--now: ${parsed.issues.join('; ')}`);
  return parsed.value.toJSDate();
}

function logLevel(text: string | undefined): LogLevel {
  if (text === undefined || text === '') return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(text)) return text as LogLevel;
  throw new InvalidInputError(`RC_LOG_LEVEL: "${text}" is not one of ${LOG_LEVELS.join(', ')}`);
}
