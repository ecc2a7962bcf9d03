import type { LoopConfig } from '@rc/orchestrator-core';
import { addUsage, budgetSpent } from '@rc/exec';
import { reviewDue, type PlannedTurn } from './next-turn';
import {
  HISTORY_LIMIT,
  type OrchestrationState,
  type TurnRecord,
} from './state/orchestration-state';

/**
 * The state after a turn. Pure. Success moves to the next actor (galph -> ralph -> reviewer on
 * its cadence -> next iteration); the completion marker ends the loop as done, also on the last
 * iteration; a failure (non-zero exit, missing agent, turn or idle timeout) stops it as failed;
 * an interrupt leaves the turn to be run again; a spent budget (`max_tokens`, `max_cost_usd`)
 * stops a running loop as limit. In every case the turn goes into the counters, the usage totals
 * and the history.
 */
export function recordTurn(
  state: OrchestrationState,
  turn: PlannedTurn,
  record: TurnRecord,
  config: LoopConfig,
  maxIterations = config.limits.max_iterations,
): OrchestrationState {
  const counters = { ...state.counters, turns: state.counters.turns + 1 };
  if (turn.phase === 'review') counters.reviews++;
  else counters[turn.actor]++;
  if (record.routed) counters.routed++;
  const base: OrchestrationState = {
    ...state,
    status: 'running',
    reason: null,
    counters,
    usage: addUsage(state.usage, record.usage),
    last_turn: record,
    history: [...state.history, record].slice(-HISTORY_LIMIT),
    updated_at: record.ended_at,
  };
  const who = `${turn.actor} (${record.prompt}) in iteration ${turn.iteration}`;
  switch (record.outcome) {
    case 'success':
      break;
    case 'killed':
      return {
        ...base,
        counters: { ...counters, interrupted: counters.interrupted + 1 },
        reason: `interrupted: ${who}`,
      };
    default:
      return {
        ...base,
        status: 'failed',
        counters: { ...counters, failures: counters.failures + 1 },
        reason: `${who} failed: ${record.message}`,
      };
  }
  if (record.done) {
    return {
      ...base,
      status: 'done',
      reason: `${turn.actor} printed ${config.completion_marker} in iteration ${turn.iteration}`,
    };
  }
  return withinBudget(advance(base, turn, config, maxIterations), config);
}

function advance(
  base: OrchestrationState,
  turn: PlannedTurn,
  config: LoopConfig,
  maxIterations: number,
): OrchestrationState {
  if (turn.phase === 'work' && turn.actor === 'galph') {
    return { ...base, expected_actor: 'ralph', expected_phase: 'work' };
  }
  if (turn.phase === 'work' && reviewDue(turn.iteration, config)) {
    return { ...base, expected_actor: config.review.actor, expected_phase: 'review' };
  }
  const iteration = turn.iteration + 1;
  const next = {
    ...base,
    iteration,
    expected_actor: 'galph' as const,
    expected_phase: 'work' as const,
  };
  return iteration > maxIterations
    ? { ...next, status: 'limit', reason: `max iterations (${maxIterations}) reached` }
    : next;
}

function withinBudget(state: OrchestrationState, config: LoopConfig): OrchestrationState {
  if (state.status !== 'running') return state;
  const spent = budgetSpent(state.usage, config.limits);
  return spent === null ? state : { ...state, status: 'limit', reason: spent };
}
