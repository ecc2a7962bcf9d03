import { turnRole } from './loop-event';
import { nextTurn } from './next-turn';
import { recordTurn } from './record-turn';
import { runTurn } from './run-turn';
import type { LoopRuntime } from './_loop-runtime';
import type { LoopOutcome } from './run-loop-options';
import { initialState, type OrchestrationState } from './state/orchestration-state';
import { readState } from './state/read-state';
import { writeState } from './state/write-state';
import {
  interruptedOutcome,
  maybeRetry,
  outcomeAfterTurn,
  pastDeadline,
  stopOutcome,
} from './_loop-outcome';

/** Combined mode: galph, ralph and the reviewer take turns in this one process. */
export async function runCombined(rt: LoopRuntime): Promise<LoopOutcome> {
  const shown = rt.config.sync.state_path;
  let state: OrchestrationState = (await readState(rt.statePath, shown)) ?? initialState(rt.now());
  state = maybeRetry(state, rt.retry);
  let turns = 0;
  for (;;) {
    if (rt.signal?.aborted) return interruptedOutcome(state, turns);
    const plan = nextTurn(state, rt.config, rt.maxIterations);
    if (plan.kind === 'stop') return stopOutcome(plan, state, turns);
    const late = pastDeadline(rt.deadline, rt.clock().getTime());
    if (late !== null) {
      state = { ...state, status: 'limit', reason: late, updated_at: rt.now() };
      await writeState(rt.statePath, state, rt.redactor);
      return stopOutcome({ kind: 'stop', status: 'limit', reason: late }, state, turns);
    }
    const turn = state.counters.turns + 1;
    const record = await runTurn(plan, { ...rt, root: rt.root, deadline: rt.deadline, turn });
    state = recordTurn(state, plan, record, rt.config, rt.maxIterations);
    await writeState(rt.statePath, state, rt.redactor);
    turns++;
    rt.onEvent?.({ type: 'turn_end', turn, role: turnRole(plan.actor, plan.phase), record });
    const ended = outcomeAfterTurn(state, record, rt, turns);
    if (ended !== null) return ended;
  }
}
