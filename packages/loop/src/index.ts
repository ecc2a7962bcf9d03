export { nextTurn, reviewDue } from './next-turn';
export { decideRoute, ROUTE_PREFIX, routerAllowlist } from './decide-route';
export { recordTurn } from './record-turn';
export { turnLogName } from './turn-log-name';
export { runTurn } from './run-turn';
export { checkLoopSetup } from './check-loop-setup';
export { runLoop } from './run-loop';
export { turnRole } from './loop-event';
export { preflightLoopAgents } from './preflight-loop-agents';
export {
  ACTORS,
  HISTORY_LIMIT,
  initialState,
  LOOP_STATUSES,
  OrchestrationStateSchema,
  STATE_VERSION,
  TurnRecordSchema,
  UsageSchema,
} from './state/orchestration-state';
export { parseState, readState } from './state/read-state';
export { writeState } from './state/write-state';

export type { LoopStop, PlannedTurn } from './next-turn';
export type { RouterDecision } from './decide-route';
export type { TurnContext } from './run-turn';
export type {
  LoopEvent,
  LoopNoteEvent,
  TurnEndEvent,
  TurnRole,
  TurnStartEvent,
} from './loop-event';
export type { LoopOutcome, RunLoopOptions } from './run-loop-options';
export type {
  Actor,
  LoopStatus,
  OrchestrationState,
  Phase,
  TurnRecord,
  Usage,
} from './state/orchestration-state';
