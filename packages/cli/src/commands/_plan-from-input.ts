import { resolve } from 'node:path';
import {
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
import { planFromEvent } from '@rc/dispatch';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';
import { readEvent } from '../read-event';

/** Options shared by `rc orchestrator plan` and `rc orchestrator dispatch`. */
export interface PlanOptions {
  eventPath?: string;
  eventName?: string;
  /** The config file; null: the defaults, already announced (see loadConfig). */
  config?: string | null;
  runId?: string;
  now?: string;
  artifactsDir?: string;
  json?: boolean;
}

/** Everything a plan was made from, for the command that goes on to write or dispatch it. */
export interface PlannedRun {
  config: OrchestrationConfig;
  /** What the config's paths are relative to (see loadConfig). */
  root: string;
  event: GitHubEvent;
  plan: DispatchPlan;
  artifactsDir: string;
  redactor: Redactor;
  logger: Logger;
}

/** Reads config and event, parses the command and plans it; throws rc errors on bad input. */
export async function planFromInput(options: PlanOptions, io: CliIo): Promise<PlannedRun> {
  const { config, root } = await loadConfig(options.config, io);
  const input = await readEvent(options, io);
  const parsed = parseGitHubEvent(input.payload, input.name);
  if (!parsed.ok)
    throw new InvalidInputError(`${input.source} is not a valid GitHub event:`, {
      issues: parsed.issues,
    });
  const plan = await planFromEvent({
    event: parsed.value,
    config: config.dispatch,
    cwd: root,
    now: instant(options.now, io),
    runId: options.runId ?? (io.env['PHOENIX_RUN_ID'] || null),
    // Loaded only when needed: most plans never talk to GitHub, and Octokit is most of a cold start.
    fetchTargetIssue: async (issueNumber) =>
      (await import('./_fetch-target-issue')).fetchTargetIssue(parsed.value, issueNumber, io),
  });
  const redactor = createRedactor({ env: io.env });
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
  // --artifacts-dir is the user's, relative to where they are; the config's is the config's.
  const artifactsDir =
    options.artifactsDir === undefined
      ? resolve(root, config.dispatch.artifacts_dir)
      : resolve(io.cwd, options.artifactsDir);
  return { config, root, event: parsed.value, plan, artifactsDir, redactor, logger };
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
