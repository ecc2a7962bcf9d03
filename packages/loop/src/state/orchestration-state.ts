import { AGENT_FAILURE_KINDS, EXIT_OUTCOMES } from '@rc/exec';
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

/** Tokens and money as the agents reported them; cost is null when no agent reported one. */
export const UsageSchema = z.strictObject({
  input_tokens: count,
  output_tokens: count,
  cost_usd: z.nullable(z.number().check(z.minimum(0))),
});
export type Usage = z.output<typeof UsageSchema>;

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
  /** What the turn's agent runs reported spending; null when they report nothing (text agents). */
  usage: z._default(z.nullable(UsageSchema), null),
  /** A failure someone has to act on (auth, trust, quota, network), or null. */
  failure_kind: z._default(z.nullable(z.enum(AGENT_FAILURE_KINDS)), null),
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
  /** The loop's spending so far, summed over every turn (history keeps only the last ones). */
  usage: z._default(UsageSchema, () => ({ input_tokens: 0, output_tokens: 0, cost_usd: null })),
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
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: null },
    last_turn: null,
    history: [],
    started_at: now,
    updated_at: now,
  };
}
