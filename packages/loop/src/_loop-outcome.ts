import { EXIT_CODES } from '@rc/orchestrator-core';
import type { LoopStop } from './next-turn';
import type { LoopOutcome } from './run-loop-options';
import type { OrchestrationState, TurnRecord } from './state/orchestration-state';

const EXIT = { done: EXIT_CODES.ok, failed: EXIT_CODES.failed, limit: EXIT_CODES.limit } as const;

/** The outcome of a loop that stopped for the reason its state gives. */
export function stopOutcome(
  stop: LoopStop,
  state: OrchestrationState | null,
  turns: number,
): LoopOutcome {
  return { status: stop.status, exitCode: EXIT[stop.status], reason: stop.reason, turns, state };
}

/** The outcome of a run interrupted by the signal. */
export function interruptedOutcome(state: OrchestrationState | null, turns: number): LoopOutcome {
  return {
    status: 'interrupted',
    exitCode: EXIT_CODES.interrupted,
    reason: 'interrupted',
    turns,
    state,
  };
}

/**
 * How a run ends after a recorded turn, in either mode: interrupted (the turn was killed by the
 * signal), stopped (the state left `running`) or one turn done (`--once`); null to go on. Pure.
 */
export function outcomeAfterTurn(
  state: OrchestrationState,
  record: TurnRecord,
  rt: { once?: boolean; signal?: AbortSignal },
  turns: number,
): LoopOutcome | null {
  if (record.outcome === 'killed' && rt.signal?.aborted) return interruptedOutcome(state, turns);
  if (state.status !== 'running') {
    const reason = state.reason ?? state.status;
    return stopOutcome({ kind: 'stop', status: state.status, reason }, state, turns);
  }
  if (rt.once) {
    return {
      status: 'running',
      exitCode: EXIT_CODES.ok,
      reason: 'ran one turn (--once)',
      turns,
      state,
    };
  }
  return null;
}

/** Resumes a failed state when asked to; leaves anything else alone. Pure. */
export function maybeRetry(
  state: OrchestrationState,
  retry: boolean | undefined,
): OrchestrationState {
  return retry && state.status === 'failed' ? { ...state, status: 'running', reason: null } : state;
}

/** The total-time limit of this process, if it has passed. */
export function pastDeadline(deadline: number | null, now: number): string | null {
  return deadline !== null && now >= deadline ? 'total time limit reached' : null;
}
