import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  formatPhoenix,
  InvalidInputError,
  type Clock,
  type LoopConfig,
  type ValueRedactor,
} from '@rc/orchestrator-core';
import { checkLoopSetup } from './check-loop-setup';
import { preflightLoopAgents } from './preflight-loop-agents';
import { runCombined } from './_run-combined';
import { runRole } from './_run-role';
import type { LoopEvent } from './loop-event';
import type { Actor, LoopStatus, OrchestrationState } from './state/orchestration-state';

/** Options of {@link runLoop}. */
export interface RunLoopOptions {
  /** The repository root; `loop.*` paths are relative to it. */
  root: string;
  /** The `loop` section of orchestration.yaml. */
  config: LoopConfig;
  /** `combined` runs both actors here; `role` runs one actor, kept in step through git. @default 'combined' */
  mode?: 'combined' | 'role';
  /** The actor this process plays in role mode. */
  role?: Actor;
  /** Run at most one turn. @default false */
  once?: boolean;
  /** Overrides `loop.limits.max_iterations`. */
  maxIterations?: number;
  /** Resume a loop whose state says failed (the failed turn runs again). @default false */
  retry?: boolean;
  /** The agents' and git's environment. */
  env: Record<string, string | undefined>;
  clock: Clock;
  /** Aborting stops the running agent, records the turn and ends with exit 130. */
  signal?: AbortSignal;
  /** Scrubs secrets from the state, field by field, before it is written. */
  redactor?: ValueRedactor;
  /**
   * Progress, for logs: each agent run's start (with its transcript), each recorded turn (after
   * state.json is written), and notes such as "waiting for ralph".
   */
  onEvent?: (event: LoopEvent) => void;
  /**
   * Check every agent this process runs before the first turn (resolvable, executable, logged in
   * where its CLI can tell cheaply). @default true
   */
  preflight?: boolean;
  /** Waits between polls in role mode; passed in so tests can shorten it. @default setTimeout */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** How a run ended. */
export interface LoopOutcome {
  /** The state's status, or `interrupted`/`waiting` for what this process alone saw. */
  status: LoopStatus | 'interrupted' | 'waiting';
  /** 0 done or nothing to do, 1 failed, 3 lost a git race, 4 limit, 130 interrupted. */
  exitCode: 0 | 1 | 3 | 4 | 130;
  reason: string;
  /** Turns this process ran. */
  turns: number;
  state: OrchestrationState | null;
}

/** Shared by both modes. */
export interface LoopRuntime extends RunLoopOptions {
  statePath: string;
  maxIterations: number;
  deadline: number | null;
  now: () => string;
}

/**
 * Runs the prompt loop until it is done, fails, reaches a limit or is interrupted, writing
 * state.json atomically after every turn. Throws InvalidInputError (exit 2) for a bad setup or a
 * corrupt state, OperationError for git failures, ConflictError for a lost git race.
 */
export async function runLoop(options: RunLoopOptions): Promise<LoopOutcome> {
  const mode = options.mode ?? 'combined';
  if (mode === 'role' && options.role === undefined) {
    throw new InvalidInputError('--role galph|ralph is required in role mode');
  }
  if (mode === 'role' && options.config.sync.mode !== 'git') {
    throw new InvalidInputError('loop.sync.mode: role mode needs "git" (with remote and branch)');
  }
  await checkLoopSetup(options.root, options.config);
  if (options.preflight ?? true) {
    const actors: Actor[] = mode === 'role' ? [options.role ?? 'galph'] : ['galph', 'ralph'];
    await preflightLoopAgents(options.root, options.config, options.env, actors);
  }
  const total = options.config.limits.total_time_s;
  const runtime: LoopRuntime = {
    ...options,
    statePath: join(options.root, options.config.sync.state_path),
    maxIterations: options.maxIterations ?? options.config.limits.max_iterations,
    deadline: total === null ? null : options.clock().getTime() + total * 1000,
    now: () => formatPhoenix(options.clock()),
  };
  await removeStaleTemps(runtime.statePath);
  return mode === 'role' ? runRole(runtime) : runCombined(runtime);
}

// A kill -9 during an atomic write leaves its temp file behind; in role mode it would make the
// work tree look dirty. The state itself is whole either way.
async function removeStaleTemps(statePath: string): Promise<void> {
  const prefix = `.${basename(statePath)}.`;
  const names = await readdir(dirname(statePath)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(statePath), name), { force: true })),
  );
}
