import {
  canonicalJson,
  createRedactor,
  InterruptedError,
  InvalidInputError,
  LimitReachedError,
  OperationError,
} from '@rc/orchestrator-core';
import {
  runLoop,
  type LoopEvent,
  type LoopOutcome,
  type TurnEndEvent,
  type TurnStartEvent,
  type Usage,
} from '@rc/loop';
import type { CliIo } from '../cli-io';
import { formatDuration } from '../format-duration';
import { loadConfig } from '../load-config';
import { createProgressLog, type ProgressLog } from '../progress-log';

/** Options of `rc loop run`. */
export interface LoopRunOptions {
  config?: string;
  mode?: 'combined' | 'role';
  role?: 'galph' | 'ralph';
  once?: boolean;
  maxIterations?: string;
  retry?: boolean;
  json?: boolean;
  /** auto, text or json. @default 'auto' */
  logFormat?: string;
  /** Seconds between heartbeats when stderr is not a terminal. */
  heartbeat?: string;
}

/** `rc loop run`: drives the galph/ralph prompt loop; exit 0 done, 1 failed, 3 lost race, 4 limit, 130 interrupted. */
export async function loopRun(options: LoopRunOptions, io: CliIo): Promise<number> {
  // commander has checked --mode and --role against their choices.
  const mode = options.mode === 'role' ? 'role' : 'combined';
  const role = options.role as 'galph' | 'ralph' | undefined;
  const maxIterations =
    options.maxIterations === undefined ? undefined : Number(options.maxIterations);
  if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations > 0)) {
    throw new InvalidInputError(
      `--max-iterations: expected a positive integer, got "${options.maxIterations}"`,
    );
  }
  const log = createProgressLog(options, io);
  const { config, root } = await loadConfig(options.config, io);
  let stopHeartbeat = (): void => undefined;
  const onEvent = (event: LoopEvent) => {
    if (event.type === 'note') return log.event('note', `rc loop: ${event.message}`);
    stopHeartbeat();
    if (event.type === 'turn_end') return turnEnd(event, log);
    turnStart(event, log);
    stopHeartbeat = log.heartbeat((elapsed) => ({
      text: `rc loop: turn ${event.turn} (${event.role}) still running, ${formatDuration(elapsed)}, log ${event.log}`,
      fields: { turn: event.turn, role: event.role, prompt: event.prompt, log: event.log },
    }));
  };
  try {
    const outcome = await runLoop({
      root,
      config: config.loop,
      mode,
      ...(role === undefined ? {} : { role }),
      ...(maxIterations === undefined ? {} : { maxIterations }),
      once: options.once === true,
      retry: options.retry === true,
      env: io.env,
      clock: io.clock,
      signal: io.signal,
      redactor: createRedactor({ env: io.env }),
      onEvent,
    });
    return finish(outcome, options, io, log);
  } finally {
    stopHeartbeat();
  }
}

const turnName = (event: TurnStartEvent | TurnEndEvent) =>
  `rc loop: turn ${event.turn} (${event.role})`;

function turnStart(event: TurnStartEvent, log: ProgressLog): void {
  const { turn, role, iteration, actor, phase, prompt, router, agent } = event;
  log.event(
    'turn_start',
    `${turnName(event)} iteration ${iteration} ${actor} ${prompt}${router ? ' (router)' : ''} started, agent ${agent}, log ${event.log}`,
    { turn, role, iteration, actor, phase, prompt, router, agent, log: event.log },
  );
}

/** The line after a turn: iteration, actor, prompt, duration, result, and usage when reported. */
function turnEnd(event: TurnEndEvent, log: ProgressLog): void {
  const { record } = event;
  const result =
    record.outcome === 'success' ? (record.done ? 'success, done' : 'success') : record.outcome;
  const usage = record.usage === null ? '' : `, ${describeUsage(record.usage)}`;
  log.event(
    'turn_end',
    `${turnName(event)} iteration ${record.iteration} ${record.actor} ${record.prompt} ${formatDuration(record.duration_ms)} ${result}${usage} (${record.log})`,
    {
      turn: event.turn,
      role: event.role,
      iteration: record.iteration,
      actor: record.actor,
      phase: record.phase,
      prompt: record.prompt,
      routed: record.routed,
      outcome: record.outcome,
      done: record.done,
      exit_code: record.exit_code,
      duration_ms: record.duration_ms,
      usage: record.usage,
      failure_kind: record.failure_kind,
      message: record.message,
      log: record.log,
    },
    record.outcome === 'success' ? 'info' : 'warn',
  );
}

/** "1200 in + 300 out tokens, $0.0123": the cost only when an agent reported one. */
export function describeUsage(usage: Usage): string {
  const cost = usage.cost_usd === null ? '' : `, $${usage.cost_usd.toFixed(4)}`;
  return `${usage.input_tokens} in + ${usage.output_tokens} out tokens${cost}`;
}

/** Said under every failed loop. */
export const RETRY_HINT =
  'once the cause is fixed, run rc loop run --retry (with the same options): the failed turn runs again';

function finish(
  outcome: LoopOutcome,
  options: LoopRunOptions,
  io: CliIo,
  log: ProgressLog,
): number {
  const { status, exitCode, reason, turns, state } = outcome;
  if (options.json) {
    io.stdout.write(canonicalJson({ status, exit_code: exitCode, reason, turns, state }));
  }
  const text = `rc loop: ${status}: ${reason} (${turns} turns this run)`;
  // A failure, a limit or an interrupt is then said once more as the `rc:` error line.
  if (log.format === 'json' || exitCode === 0)
    log.event('loop_end', text, { status, exit_code: exitCode, reason, turns });
  switch (outcome.status) {
    case 'failed':
      // A failed state stays failed until asked to retry: say so, or a fixed config looks ignored.
      throw new OperationError(
        outcome.turns === 0
          ? `the loop failed in an earlier run and nothing ran now: ${outcome.reason}`
          : `loop failed: ${outcome.reason}`,
        { issues: [RETRY_HINT] },
      );
    case 'limit':
      throw new LimitReachedError(`loop stopped: ${outcome.reason}`);
    case 'interrupted':
      throw new InterruptedError(`loop interrupted; the turn was recorded, run again to resume`);
    default:
      return 0;
  }
}
