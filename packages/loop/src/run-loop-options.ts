import type { Clock, EXIT_CODES, LoopConfig, ValueRedactor } from '@rc/orchestrator-core';
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
  exitCode: (typeof EXIT_CODES)['ok' | 'failed' | 'conflict' | 'limit' | 'interrupted'];
  reason: string;
  /** Turns this process ran. */
  turns: number;
  state: OrchestrationState | null;
}
