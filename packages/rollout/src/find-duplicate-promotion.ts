import { sameCandidate, type Candidate } from './candidate';
import type { PromotionAction } from './plan-promotion';
import type { PromotionHistoryEntry, PromotionState } from './promotion-state';

/** The change a request would make, as far as idempotency is concerned. */
export interface DuplicateQuery {
  readonly idempotencyKey: string;
  readonly stage: string;
  readonly action: PromotionAction;
  readonly candidate: Candidate | null;
}

/**
 * Whether a key was used before: `none`; `replay` when it recorded this very change, whose result
 * the caller returns instead of running again; `conflict` when it recorded another change.
 */
export type DuplicatePromotion =
  | { readonly kind: 'none' }
  | { readonly kind: 'replay'; readonly stage: string; readonly entry: PromotionHistoryEntry }
  | { readonly kind: 'conflict'; readonly message: string };

/**
 * Looks the key up in every stage's history. Pure. A failed change changed nothing, so its key
 * may be used again; otherwise the newest entry with the key counts, in the first stage (in the
 * state file's order) that has one. A rollback matches whatever it rolled back, and a request
 * without a candidate matches any.
 */
export function findDuplicatePromotion(
  state: PromotionState,
  query: DuplicateQuery,
): DuplicatePromotion {
  for (const [stage, value] of Object.entries(state.stages)) {
    const entry = [...value.history]
      .reverse()
      .find((recorded) => recorded.idempotency_key === query.idempotencyKey);
    if (entry === undefined || entry.outcome === 'failed') continue;
    const same =
      stage === query.stage &&
      entry.kind === query.action &&
      (query.candidate === null ||
        query.action === 'rollback' ||
        sameCandidate(query.candidate, entry));
    if (same) return { kind: 'replay', stage, entry };
    return {
      kind: 'conflict',
      message: `idempotency key ${query.idempotencyKey} was already used for a different change (${entry.kind} ${entry.version} in ${stage}, run ${entry.run_id})`,
    };
  }
  return { kind: 'none' };
}
