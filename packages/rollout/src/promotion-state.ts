import * as z from 'zod/mini';
import { validate, type Result } from '@rc/orchestrator-core';
import { CandidateSchema as candidate } from './candidate';

/** One recorded change of a stage. */
export const PromotionHistoryEntrySchema = z.strictObject({
  /** `promote` moves forward, `rollback` returns to a known-good version, `release` lifts a hold. */
  kind: z.enum(['promote', 'rollback', 'release']),
  version: z.string(),
  digest: z.nullable(z.string()),
  previous: z.nullable(candidate),
  /** For a rollback: the version rolled back from, never again a rollback target. */
  rolled_back_from: z.nullable(candidate),
  /** `unknown` when rc crashed or timed out while the applier ran. */
  outcome: z.enum(['succeeded', 'failed', 'unknown']),
  applier_exit: z.nullable(z.number()),
  run_id: z.string(),
  idempotency_key: z.string(),
  trace_id: z.string(),
  actor: z.nullable(z.string()),
  phoenix_timestamp: z.string(),
});

/** Why automatic promotion of a stage is stopped, until `--mode release`. */
const PromotionHoldSchema = z.strictObject({
  reason: z.string(),
  run_id: z.string(),
  phoenix_timestamp: z.string(),
});

/** One stage: the version running there, an optional hold, and every change in order. */
const StageStateSchema = z.strictObject({
  current: z.nullable(candidate),
  hold: z.nullable(PromotionHoldSchema),
  history: z.array(PromotionHistoryEntrySchema),
});

/** The promotion state file: per stage, the current version and its history. */
export const PromotionStateSchema = z.strictObject({
  version: z.literal(1),
  stages: z.record(z.string(), StageStateSchema),
});

export type PromotionHistoryEntry = z.output<typeof PromotionHistoryEntrySchema>;
export type PromotionHold = z.output<typeof PromotionHoldSchema>;
export type StageState = z.output<typeof StageStateSchema>;
export type PromotionState = z.output<typeof PromotionStateSchema>;

/** The state of a repository that has never promoted anything. */
export function emptyPromotionState(): PromotionState {
  return { version: 1, stages: {} };
}

/** Validates state file data; each problem is `state.path: message`. Never throws. */
export function parsePromotionState(data: unknown): Result<PromotionState> {
  return validate(PromotionStateSchema, data, 'state');
}
