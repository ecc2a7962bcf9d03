import { EXIT_OUTCOMES } from '@rc/exec';
import * as z from 'zod/mini';

/** The state file's schema version; a file with another version is refused. */
export const STATE_VERSION = 1;
/** How many turns the state keeps in `history`. */
export const HISTORY_LIMIT = 20;

export const ACTORS = ['galph', 'ralph'] as const;
/** galph is the supervisor, ralph the worker. */
export type Actor = (typeof ACTORS)[number];
/** A work turn runs the actor's prompt; a review turn runs the reviewer prompt. */
export type Phase = 'work' | 'review';
export const LOOP_STATUSES = ['running', 'done', 'failed', 'limit'] as const;
export type LoopStatus = (typeof LOOP_STATUSES)[number];

const count = z.number().check(z.int(), z.minimum(0));

/** One finished (or interrupted) turn as recorded in the state. */
export const TurnRecordSchema = z.strictObject({
  iteration: z.number().check(z.int(), z.positive()),
  actor: z.enum(ACTORS),
  phase: z.enum(['work', 'review']),
  prompt: z.string(),
  routed: z.boolean(),
  outcome: z.enum(EXIT_OUTCOMES),
  exit_code: z.nullable(z.number().check(z.int())),
  done: z.boolean(),
  started_at: z.string(),
  ended_at: z.string(),
  duration_ms: count,
  log: z.string(),
  message: z.string(),
});
export type TurnRecord = z.output<typeof TurnRecordSchema>;

/** `state.json`: where the loop is, who acts next, and what happened so far. */
export const OrchestrationStateSchema = z.strictObject({
  version: z.literal(STATE_VERSION),
  status: z.enum(LOOP_STATUSES),
  reason: z.nullable(z.string()),
  iteration: z.number().check(z.int(), z.positive()),
  expected_actor: z.enum(ACTORS),
  expected_phase: z.enum(['work', 'review']),
  counters: z.strictObject({
    turns: count,
    galph: count,
    ralph: count,
    reviews: count,
    routed: count,
    failures: count,
    interrupted: count,
  }),
  last_turn: z.nullable(TurnRecordSchema),
  history: z.array(TurnRecordSchema).check(z.maxLength(HISTORY_LIMIT)),
  started_at: z.string(),
  updated_at: z.string(),
});
export type OrchestrationState = z.output<typeof OrchestrationStateSchema>;

/** The state of a loop that has not run a turn yet: iteration 1, galph's work turn. */
export function initialState(now: string): OrchestrationState {
  return {
    version: STATE_VERSION,
    status: 'running',
    reason: null,
    iteration: 1,
    expected_actor: 'galph',
    expected_phase: 'work',
    counters: { turns: 0, galph: 0, ralph: 0, reviews: 0, routed: 0, failures: 0, interrupted: 0 },
    last_turn: null,
    history: [],
    started_at: now,
    updated_at: now,
  };
}
