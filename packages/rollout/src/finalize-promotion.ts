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
import { classifyApplierOutcome, finishedResult, recordChange } from './classify-promotion-outcome';
import { stageState } from './stage-queries';

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
  const { result } = journal;
  const outcome = classifyApplierOutcome(applier);
  const state = await updatePromotionState(paths.state, options.owner, (current) => {
    const stage = stageState(current, result.stage);
    const next = recordChange(stage, journal, outcome, applier?.exitCode ?? null);
    return next === stage
      ? current
      : { ...current, stages: { ...current.stages, [result.stage]: next } };
  });
  const final = finishedResult(result, {
    outcome,
    applier,
    after: stageState(state, result.stage).current,
    finished: options.finished,
    recoveredBy: options.recoveredBy,
  });
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
