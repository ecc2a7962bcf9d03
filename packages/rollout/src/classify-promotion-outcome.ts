import type { ApplierOutcome } from './applier-runner';
import type { PromotionJournal } from './promotion-journal';
import type { PromotionResult } from './promotion-result';
import type { StageState } from './promotion-state';
import { describeVersion } from './stage-queries';

/** How a change ended, as far as the stage is concerned, and why when it is not plain. */
export interface ChangeOutcome {
  readonly status: 'succeeded' | 'failed' | 'unknown';
  /** Timed out, interrupted, the spawn error or the killing signal; null for a plain exit. */
  readonly note: string | null;
}

/**
 * Classifies how the applier ended. Pure. Exit 0 succeeded; another exit code or a spawn error
 * failed (nothing or not everything was applied, and the applier said so); no exit seen (rc
 * crashed), a timeout, an interruption or a kill by signal leaves the outcome unknown.
 */
export function classifyApplierOutcome(applier: ApplierOutcome | null): ChangeOutcome {
  if (applier === null)
    return { status: 'unknown', note: 'rc stopped before it saw the applier end' };
  if (applier.timedOut) return { status: 'unknown', note: 'timed out' };
  if (applier.interrupted) return { status: 'unknown', note: 'interrupted' };
  const note =
    applier.spawnError ?? (applier.signal === null ? null : `killed by ${applier.signal}`);
  if (applier.spawnError === null && applier.exitCode === 0) return { status: 'succeeded', note };
  return {
    status: applier.spawnError === null && applier.exitCode === null ? 'unknown' : 'failed',
    note,
  };
}

/**
 * The stage after recording the journaled change: its history entry, and on success the new
 * current version (a release clears the hold, a rollback sets one); an unknown outcome puts the
 * stage on hold. Pure; returns `stage` itself when the entry is already at its place.
 */
export function recordChange(
  stage: StageState,
  journal: PromotionJournal,
  outcome: ChangeOutcome,
  applierExit: number | null,
): StageState {
  const { entry, result } = journal;
  if (stage.history[journal.attempt]?.idempotency_key === entry.idempotency_key) return stage;
  const recorded = { ...entry, outcome: outcome.status, applier_exit: applierExit };
  const next: StageState = { ...stage, history: [...stage.history, recorded] };
  const hold = (reason: string) => ({
    reason,
    run_id: result.run_id,
    phoenix_timestamp: entry.phoenix_timestamp,
  });
  if (outcome.status === 'succeeded') {
    next.current = result.target;
    if (result.action === 'release') next.hold = null;
    if (result.action === 'rollback') {
      next.hold = hold(
        `rolled back from ${describeVersion(result.versions.before)} to ${describeVersion(result.target)}`,
      );
    }
  } else if (outcome.status === 'unknown') {
    next.hold = hold(
      `outcome of ${result.action} to ${describeVersion(result.target)} is unknown (${outcome.note ?? 'no exit'})`,
    );
  }
  return next;
}

/** What a finished change reports. */
export interface FinishedChange {
  readonly outcome: ChangeOutcome;
  readonly applier: ApplierOutcome | null;
  /** The stage's current version once the change is recorded. */
  readonly after: PromotionResult['versions']['after'];
  readonly finished: string;
  readonly recoveredBy: string | null;
}

function reasonsFor(result: PromotionResult, change: FinishedChange): string[] {
  const { outcome, after } = change;
  const { stage } = result;
  if (outcome.status === 'succeeded') {
    return [
      `${stage}: ${describeVersion(result.versions.before)} -> ${describeVersion(after)}`,
      ...(result.action === 'rollback'
        ? [`automatic promotion of ${stage} is on hold until rc promote --mode release`]
        : []),
    ];
  }
  if (outcome.status === 'failed') {
    return [
      `applier failed (${outcome.note ?? `exit ${String(change.applier?.exitCode)}`}); ${stage} stays on ${describeVersion(after)}`,
    ];
  }
  return [
    `outcome unknown (${outcome.note ?? 'no exit'}): verify what ${stage} runs, then rc promote --mode release --stage ${stage}`,
  ];
}

/** The journaled result completed with how the change ended. Pure. */
export function finishedResult(result: PromotionResult, change: FinishedChange): PromotionResult {
  const { outcome, applier } = change;
  const succeeded = outcome.status === 'succeeded';
  return {
    ...result,
    outcome: succeeded
      ? result.action === 'rollback'
        ? 'rolled_back'
        : 'promoted'
      : outcome.status,
    exit_code: succeeded ? 0 : applier?.interrupted === true ? 130 : 1,
    reasons: reasonsFor(result, change),
    applier:
      result.applier === null
        ? null
        : {
            ...result.applier,
            exit_code: applier?.exitCode ?? null,
            signal: applier?.signal ?? null,
            timed_out: applier?.timedOut ?? false,
            note: outcome.note,
          },
    versions: { before: result.versions.before, after: change.after },
    recovered_by: change.recoveredBy,
    phoenix_timestamps: { started: result.phoenix_timestamps.started, finished: change.finished },
  };
}
