import type { LoopConfig } from '@rc/orchestrator-core';
import { budgetSpent } from '@rc/exec';
import type { Actor, LoopStatus, OrchestrationState, Phase } from './state/orchestration-state';

/** The turn to run next. */
export interface PlannedTurn {
  kind: 'turn';
  iteration: number;
  actor: Actor;
  phase: Phase;
  /** The deterministic prompt; for a routed turn, the one used when the router is off. */
  prompt: string;
  /** True when the router chooses this turn's prompt (only ever galph's work turn). */
  route: boolean;
}

/** Nothing to run: the loop has ended, and why. */
export interface LoopStop {
  kind: 'stop';
  status: Exclude<LoopStatus, 'running'>;
  reason: string;
}

/**
 * Decides the next turn from the state alone. Pure. `maxIterations` overrides the configured
 * limit, so a loop stopped at its limit resumes when run again with a higher one.
 */
export function nextTurn(
  state: OrchestrationState,
  config: LoopConfig,
  maxIterations = config.limits.max_iterations,
): PlannedTurn | LoopStop {
  if (state.status === 'done')
    return { kind: 'stop', status: 'done', reason: state.reason ?? 'done' };
  if (state.status === 'failed') {
    return { kind: 'stop', status: 'failed', reason: state.reason ?? 'the last turn failed' };
  }
  if (state.iteration > maxIterations) {
    return { kind: 'stop', status: 'limit', reason: `max iterations (${maxIterations}) reached` };
  }
  // A loop stopped by its budget resumes only once the budget is raised.
  const spent = budgetSpent(state.usage, config.limits);
  if (spent !== null) return { kind: 'stop', status: 'limit', reason: spent };
  const base = { kind: 'turn' as const, iteration: state.iteration };
  if (state.expected_phase === 'review') {
    return {
      ...base,
      actor: config.review.actor,
      phase: 'review',
      prompt: config.review.prompt,
      route: false,
    };
  }
  const actor = state.expected_actor;
  return {
    ...base,
    actor,
    phase: 'work',
    prompt: config.actors[actor].prompt,
    // The router may only steer the supervisor; the worker's prompt is always deterministic.
    route: actor === 'galph' && config.router.enabled,
  };
}

/** True when the reviewer runs after the worker's turn of this iteration. Pure. */
export function reviewDue(iteration: number, config: LoopConfig): boolean {
  return config.review.every > 0 && iteration % config.review.every === 0;
}
