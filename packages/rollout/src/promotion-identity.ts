import { sha256Hex } from '@rc/orchestrator-core';

/**
 * The idempotency key of a request that names none: the same run id, stage, mode and candidate
 * always give the same key, so a re-run of the same workflow run cannot apply twice.
 */
export function deriveIdempotencyKey(
  runId: string,
  stage: string,
  mode: string,
  candidate: string,
): string {
  return `promote-${sha256Hex(['rc-promote', runId, stage, mode, candidate].join('\0')).slice(0, 32)}`;
}

/** A trace id for a run that was given none, derived from its idempotency key (deterministic). */
export function deriveTraceId(idempotencyKey: string): string {
  return sha256Hex(`rc-trace\0${idempotencyKey}`).slice(0, 32);
}
