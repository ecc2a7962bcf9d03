import { formatCandidate, sameCandidate, type Candidate } from './candidate';
import type { PromotionHistoryEntry, PromotionState, StageState } from './promotion-state';

/** The stage's state, or an empty one for a stage that never changed. */
export function stageState(state: PromotionState, stage: string): StageState {
  return state.stages[stage] ?? { current: null, hold: null, history: [] };
}

const entryCandidate = (entry: PromotionHistoryEntry): Candidate => ({
  version: entry.version,
  digest: entry.digest,
});

/**
 * The version a rollback of this stage returns to: the newest version that succeeded here, is
 * not the current one, and was never rolled back from. Null when there is none.
 */
export function lastKnownGood(stage: StageState): Candidate | null {
  const bad = new Set(
    stage.history.flatMap((entry) =>
      entry.rolled_back_from === null ? [] : [entry.rolled_back_from.version],
    ),
  );
  for (const entry of [...stage.history].reverse()) {
    if (entry.outcome !== 'succeeded' || entry.kind === 'release') continue;
    if (stage.current !== null && entry.version === stage.current.version) continue;
    if (bad.has(entry.version)) continue;
    return entryCandidate(entry);
  }
  return null;
}

/** True when the candidate was promoted successfully in this stage at some point. */
export function promotedIn(stage: StageState, candidate: Candidate): boolean {
  return stage.history.some(
    (entry) =>
      entry.kind === 'promote' &&
      entry.outcome === 'succeeded' &&
      sameCandidate(entryCandidate(entry), candidate),
  );
}

/** `1.4.0@sha256:...` or `(none)`, for messages. */
export function describeVersion(candidate: Candidate | null): string {
  return candidate === null ? '(none)' : formatCandidate(candidate);
}
