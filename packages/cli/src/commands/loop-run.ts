import {
  canonicalJson,
  createRedactor,
  InterruptedError,
  InvalidInputError,
  LimitReachedError,
  OperationError,
} from '@rc/orchestrator-core';
import { runLoop, type LoopOutcome, type TurnRecord, type Usage } from '@rc/loop';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';

/** Options of `rc loop run`. */
export interface LoopRunOptions {
  config?: string;
  mode?: 'combined' | 'role';
  role?: 'galph' | 'ralph';
  once?: boolean;
  maxIterations?: string;
  retry?: boolean;
  json?: boolean;
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
  const { config, root } = await loadConfig(options.config, io);
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
    onTurn: (turn) => io.stderr.write(progressLine(turn)),
    onNote: (note) => io.stderr.write(`rc loop: ${note}\n`),
  });
  return finish(outcome, options, io);
}

/** One line per turn: iteration, actor, prompt, duration, result, and usage when reported. */
export function progressLine(turn: TurnRecord): string {
  const seconds = (turn.duration_ms / 1000).toFixed(1);
  const result =
    turn.outcome === 'success' ? (turn.done ? 'success, done' : 'success') : turn.outcome;
  const usage = turn.usage === null ? '' : `, ${describeUsage(turn.usage)}`;
  return `rc loop: iteration ${turn.iteration} ${turn.actor} ${turn.prompt} ${seconds}s ${result}${usage} (${turn.log})\n`;
}

/** "1200 in + 300 out tokens, $0.0123": the cost only when an agent reported one. */
export function describeUsage(usage: Usage): string {
  const cost = usage.cost_usd === null ? '' : `, $${usage.cost_usd.toFixed(4)}`;
  return `${usage.input_tokens} in + ${usage.output_tokens} out tokens${cost}`;
}

function finish(outcome: LoopOutcome, options: LoopRunOptions, io: CliIo): number {
  if (options.json) {
    const { status, exitCode, reason, turns, state } = outcome;
    io.stdout.write(canonicalJson({ status, exit_code: exitCode, reason, turns, state }));
  }
  switch (outcome.status) {
    case 'failed':
      throw new OperationError(`loop failed: ${outcome.reason}`);
    case 'limit':
      throw new LimitReachedError(`loop stopped: ${outcome.reason}`);
    case 'interrupted':
      throw new InterruptedError(`loop interrupted; the turn was recorded, run again to resume`);
    default:
      io.stderr.write(
        `rc loop: ${outcome.status}: ${outcome.reason} (${outcome.turns} turns this run)\n`,
      );
      return 0;
  }
}
