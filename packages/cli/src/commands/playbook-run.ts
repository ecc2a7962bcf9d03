import { relative } from 'node:path';
import {
  canonicalJson,
  createRedactor,
  formatRunId,
  InterruptedError,
  LimitReachedError,
  RUN_ID_PATTERN,
  InvalidInputError,
} from '@rc/orchestrator-core';
import {
  parseAgentOption,
  runPlaybook,
  type PlaybookEvent,
  type PlaybookRunResult,
} from '@rc/playbook';
import type { CliIo } from '../cli-io';
import { formatDuration } from '../format-duration';
import { createProgressLog, type ProgressLog } from '../progress-log';
import { loadPlaybookConfig, loadPlaybookPlan } from './playbook-common';

/** Options of `rc playbook run`. */
export interface PlaybookRunOptions {
  concurrency?: string;
  agent?: string;
  task?: string;
  config?: string;
  runId?: string;
  runner?: string;
  /** `--no-merge` sets false: leave passed branches unmerged (a fan-out runner pushes them). */
  merge?: boolean;
  json?: boolean;
  /** auto, text or json. @default 'auto' */
  logFormat?: string;
  /** Seconds between heartbeats when stderr is not a terminal. */
  heartbeat?: string;
}

/** `rc playbook run FILE`: exit 0 when every task passed and merged, 1 otherwise, 130 on Ctrl-C. */
export async function playbookRun(
  file: string,
  options: PlaybookRunOptions,
  io: CliIo,
): Promise<number> {
  const config = await loadPlaybookConfig(options, io);
  const plan = await loadPlaybookPlan(file, io);
  const agent =
    options.agent === undefined
      ? config.agent
      : { ...config.agent, ...parseAgentOption(options.agent) };
  if (agent.preset === 'custom' && agent.command === null)
    throw new InvalidInputError(
      'playbook.agent.command: required when the preset is custom (or pass --agent)',
    );
  const runId = options.runId ?? (io.env['PHOENIX_RUN_ID'] || formatRunId(io.clock()));
  if (!RUN_ID_PATTERN.test(runId))
    throw new InvalidInputError(`--run-id: "${runId}" is not YYYY-MM-DDTHH-mm-ss-0700`);
  const show = (path: string) => relative(io.cwd, path) || '.';
  const log = createProgressLog(options, io);
  // Tasks running now, with when each started, for the heartbeat.
  const running = new Map<string, number>();
  let stopHeartbeat = (): void => undefined;
  const onEvent = (event: PlaybookEvent) => {
    if (event.type === 'start') {
      running.set(event.task, io.clock().getTime());
      if (running.size === 1) stopHeartbeat = log.heartbeat(() => heartbeat(running, io));
    }
    if (event.type === 'finish') {
      running.delete(event.entry.task_id);
      if (running.size === 0) stopHeartbeat();
    }
    playbookEvent(event, log);
  };
  let result: PlaybookRunResult;
  try {
    result = await runPlaybook({
      plan,
      repo: io.cwd,
      config: { ...config, agent },
      env: io.env,
      clock: io.clock,
      runId,
      redactor: createRedactor({ env: io.env }),
      signal: io.signal,
      only: options.task ?? null,
      merge: options.merge ?? true,
      runner: options.runner ?? (io.env['RUNNER_NAME'] || null),
      onEvent,
    });
  } finally {
    stopHeartbeat();
  }
  if (options.json)
    io.stdout.write(
      canonicalJson({
        run_id: runId,
        plan: result.plan,
        skipped: result.skipped,
        up_to_date: result.upToDate,
        succeeded: result.succeeded,
        stopped: result.stopped,
        usage: result.usage,
        unstarted: result.unstarted,
        held: result.held,
        entries: result.entries,
        ledger: show(result.ledger),
        ledger_markdown: show(result.ledgerMarkdown),
        logs: show(result.logsDir),
      }),
    );
  else {
    const lines = result.entries.map(
      (entry) =>
        `  ${entry.task_id.padEnd(14)} ${entry.result.padEnd(8)} ${entry.merge.padEnd(9)} ${entry.next_action}`,
    );
    io.stdout.write(
      [
        result.upToDate
          ? `playbook ${plan.source} (plan ${result.plan}): every task already passed and merged; nothing to do`
          : `playbook ${plan.source} (plan ${result.plan}, run ${runId}): ${result.succeeded ? 'every task passed' : 'not every task passed'}`,
        ...(result.skipped.length > 0 && !result.upToDate
          ? [`  already merged by an earlier run: ${result.skipped.join(', ')}`]
          : []),
        ...(result.stopped === null ? [] : [`  stopped: ${result.stopped.detail}`]),
        ...lines,
        ...(result.unstarted.length > 0 ? [`  not started: ${result.unstarted.join(', ')}`] : []),
        ...(result.held.length > 0
          ? [`  merges held for a release check: ${result.held.join(', ')}`]
          : []),
        `  ledger  ${show(result.ledger)} (rendered: ${show(result.ledgerMarkdown)})`,
        `  logs    ${show(result.logsDir)}/<task>.log`,
        '',
      ].join('\n'),
    );
  }
  if (result.stopped?.reason === 'budget-spent')
    throw new LimitReachedError(
      `playbook stopped: ${result.stopped.detail} (playbook.limits); what ran is in the ledger`,
    );
  if (result.stopped?.reason === 'interrupted')
    throw new InterruptedError(
      'playbook interrupted; what ran is in the ledger, run again to resume',
    );
  return result.succeeded ? 0 : 1;
}

/** One progress line: skip, start (with the transcript), a result (with its duration), stop. */
function playbookEvent(event: PlaybookEvent, log: ProgressLog): void {
  switch (event.type) {
    case 'skip': {
      const { state, commit } = event.standing;
      return log.event(
        'task_skip',
        `skip   ${event.task}: ${state}${commit === null ? '' : ` as ${commit.slice(0, 12)}`} by an earlier run`,
        { task: event.task, state, commit },
      );
    }
    case 'start':
      return log.event('task_start', `start  ${event.task} on ${event.branch}, log ${event.log}`, {
        task: event.task,
        branch: event.branch,
        log: event.log,
      });
    case 'finish': {
      const { entry, durationMs } = event;
      const took = durationMs === null ? '' : ` (${formatDuration(durationMs)})`;
      return log.event(
        'task_finish',
        `${entry.result.padEnd(6)} ${entry.task_id}: ${entry.evidence} -> ${entry.next_action}${took}`,
        {
          task: entry.task_id,
          result: entry.result,
          merge: entry.merge,
          evidence: entry.evidence,
          next_action: entry.next_action,
          duration_ms: durationMs,
          usage: entry.usage,
          log: entry.log,
        },
        entry.result === 'pass' ? 'info' : 'warn',
      );
    }
    default:
      // A terminal error (a missing agent, authentication, quota) is said here, not only in a log.
      return log.event('stop', `stop   ${event.reason}`, { reason: event.reason }, 'warn');
  }
}

function heartbeat(running: ReadonlyMap<string, number>, io: CliIo) {
  const now = io.clock().getTime();
  const tasks = [...running].map(([task, since]) => ({ task, elapsed_ms: now - since }));
  return {
    text: `rc playbook: still running: ${tasks.map((t) => `${t.task} ${formatDuration(t.elapsed_ms)}`).join(', ')}`,
    fields: { running: tasks },
  };
}
