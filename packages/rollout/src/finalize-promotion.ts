import { join, relative } from 'node:path';
import {
  writeFileAtomic,
  writeJsonArtifact,
  type TextRedactor,
  type ValueRedactor,
} from '@rc/orchestrator-core';
import type { LockOwner } from './_file-lock';
import type { ApplierOutcome } from './applier-runner';
import type { PromotionPaths } from './promotion-paths';
import { clearPromotionJournal, type PromotionJournal } from './promotion-journal';
import type { PromotionResult } from './promotion-result';
import { renderPromotionSummary } from './render-promotion-summary';
import { updatePromotionState } from './promotion-store';
import type { StageState } from './promotion-state';
import { stageState, describeVersion } from './stage-queries';

/** File names inside `<artifacts_dir>/<run-id>/`. */
export const RESULT_FILE = 'promotion-orchestrate-result.json';
export const SUMMARY_FILE = 'summary.md';
export const APPLIER_LOG_FILE = 'applier.log';

/** Options of {@link finalizePromotion}. */
export interface FinalizeOptions {
  journal: PromotionJournal;
  /** How the applier ended, or null when rc crashed before it could see (recovery). */
  applier: ApplierOutcome | null;
  paths: PromotionPaths;
  cwd: string;
  owner: LockOwner;
  redactor: TextRedactor & ValueRedactor;
  finished: string;
  recoveredBy: string | null;
}

/**
 * Records a change whose applier has ended (or whose end is unknown): history entry, current
 * version and hold in the state file, then the result artifacts, then clears the journal. Safe to
 * repeat: an entry already at its place in the history is not added twice.
 */
export async function finalizePromotion(options: FinalizeOptions): Promise<PromotionResult> {
  const { journal, applier, paths } = options;
  const { entry, result } = journal;
  const status: 'succeeded' | 'failed' | 'unknown' =
    applier === null || applier.timedOut || applier.interrupted
      ? 'unknown'
      : applier.spawnError !== null || applier.exitCode !== 0
        ? applier.exitCode === null && applier.spawnError === null
          ? 'unknown'
          : 'failed'
        : 'succeeded';
  const note =
    applier === null
      ? 'rc stopped before it saw the applier end'
      : applier.timedOut
        ? 'timed out'
        : applier.interrupted
          ? 'interrupted'
          : (applier.spawnError ??
            (applier.signal === null ? null : `killed by ${applier.signal}`));
  const reasons: string[] = [];
  const state = await updatePromotionState(paths.state, options.owner, (current) => {
    const stage = stageState(current, result.stage);
    if (stage.history[journal.attempt]?.idempotency_key === entry.idempotency_key) return current;
    const recorded = { ...entry, outcome: status, applier_exit: applier?.exitCode ?? null };
    const next: StageState = { ...stage, history: [...stage.history, recorded] };
    if (status === 'succeeded') {
      next.current = result.target;
      if (result.action === 'release') next.hold = null;
      if (result.action === 'rollback') {
        next.hold = {
          reason: `rolled back from ${describeVersion(result.versions.before)} to ${describeVersion(result.target)}`,
          run_id: result.run_id,
          phoenix_timestamp: entry.phoenix_timestamp,
        };
      }
    } else if (status === 'unknown') {
      next.hold = {
        reason: `outcome of ${result.action} to ${describeVersion(result.target)} is unknown (${note ?? 'no exit'})`,
        run_id: result.run_id,
        phoenix_timestamp: entry.phoenix_timestamp,
      };
    }
    return { ...current, stages: { ...current.stages, [result.stage]: next } };
  });
  const after = stageState(state, result.stage).current;
  if (status === 'succeeded') {
    reasons.push(
      `${result.stage}: ${describeVersion(result.versions.before)} -> ${describeVersion(after)}`,
    );
    if (result.action === 'rollback') {
      reasons.push(
        `automatic promotion of ${result.stage} is on hold until rc promote --mode release`,
      );
    }
  } else if (status === 'failed') {
    reasons.push(
      `applier failed (${note ?? `exit ${String(applier?.exitCode)}`}); ${result.stage} stays on ${describeVersion(after)}`,
    );
  } else {
    reasons.push(
      `outcome unknown (${note ?? 'no exit'}): verify what ${result.stage} runs, then rc promote --mode release --stage ${result.stage}`,
    );
  }
  const final: PromotionResult = {
    ...result,
    outcome:
      status === 'succeeded' ? (result.action === 'rollback' ? 'rolled_back' : 'promoted') : status,
    exit_code: status === 'succeeded' ? 0 : applier?.interrupted === true ? 130 : 1,
    reasons,
    applier:
      result.applier === null
        ? null
        : {
            ...result.applier,
            exit_code: applier?.exitCode ?? null,
            signal: applier?.signal ?? null,
            timed_out: applier?.timedOut ?? false,
            note,
          },
    versions: { before: result.versions.before, after },
    recovered_by: options.recoveredBy,
    phoenix_timestamps: { started: result.phoenix_timestamps.started, finished: options.finished },
  };
  await writeResultArtifacts(final, paths, options.redactor);
  await clearPromotionJournal(paths.journal);
  return final;
}

/**
 * Writes `promotion-orchestrate-result.json` and `summary.md` for a result. The result is redacted
 * field by field first, so the JSON stays valid whatever a secret's value is (`true`, a number)
 * and the summary escapes the redacted text: a secret with punctuation in it would no longer match
 * once escaped.
 */
export async function writeResultArtifacts(
  result: PromotionResult,
  paths: PromotionPaths,
  redactor: TextRedactor & ValueRedactor,
): Promise<void> {
  const dir = join(paths.artifactsRoot, result.run_id);
  const root = paths.artifactsRoot;
  await writeJsonArtifact(join(dir, RESULT_FILE), result, redactor, { root });
  // The summary renders values redacted field by field, then the text is scrubbed once more.
  await writeFileAtomic(
    join(dir, SUMMARY_FILE),
    renderPromotionSummary(redactor.redactValue(result)),
    {
      redactor,
      root,
    },
  );
}

/** The applier log's path as recorded in results: relative to the repository root. */
export function applierLogPath(paths: PromotionPaths, cwd: string): string {
  return relative(cwd, join(paths.runDir, APPLIER_LOG_FILE));
}
