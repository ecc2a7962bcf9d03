import type { Actor, Phase, TurnRecord } from './state/orchestration-state';

/** What a turn is for: galph works as the supervisor, ralph as the worker, either may review. */
export type TurnRole = 'supervisor' | 'worker' | 'reviewer';

/** An agent run starts: once per turn, twice for a routed turn (the router, then its choice). */
export interface TurnStartEvent {
  type: 'turn_start';
  /** The loop's turn number (1 for its first turn, counted across runs). */
  turn: number;
  iteration: number;
  actor: Actor;
  phase: Phase;
  role: TurnRole;
  /** The prompt this agent run gets: the router's prompt, then the one it chose. */
  prompt: string;
  /** True for the router's own run in a routed turn. */
  router: boolean;
  /** The agent: its preset, and for `custom` the executable (`custom fake-agent`). */
  agent: string;
  /** The transcript, relative to the repository root. */
  log: string;
  /** Phoenix ISO-8601. */
  started_at: string;
}

/** A turn was recorded (state.json written). */
export interface TurnEndEvent {
  type: 'turn_end';
  turn: number;
  role: TurnRole;
  record: TurnRecord;
}

/** Something worth a line that is not a turn, e.g. "waiting for ralph (iteration 2)". */
export interface LoopNoteEvent {
  type: 'note';
  message: string;
}

/** Progress of a loop run, for logs; the loop never prints. */
export type LoopEvent = TurnStartEvent | TurnEndEvent | LoopNoteEvent;

/** The role of a turn of `actor` in `phase`. Pure. */
export function turnRole(actor: Actor, phase: Phase): TurnRole {
  if (phase === 'review') return 'reviewer';
  return actor === 'galph' ? 'supervisor' : 'worker';
}
