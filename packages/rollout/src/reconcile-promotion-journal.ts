import { join } from 'node:path';
import type { TextRedactor, ValueRedactor } from '@rc/orchestrator-core';
import type { LockOwner } from './_file-lock';
import { redactApplierLog } from './_redact-applier-log';
import { APPLIER_LOG_FILE, finalizePromotion } from './finalize-promotion';
import type { PromotionPaths } from './promotion-paths';
import { readPromotionJournal, untrustedJournal, type PromotionJournal } from './promotion-journal';
import type { PromotionResult } from './promotion-result';
import type { StageState } from './promotion-state';
import { readPromotionState } from './promotion-store';
import { describeVersion, stageState } from './stage-queries';

/** Options of {@link reconcilePromotionJournal}. */
export interface ReconcileOptions {
  paths: PromotionPaths;
  /** The stage whose journal this is; a journal of any other is refused. */
  stage: string;
  cwd: string;
  /** The current run, which must hold the stage lock. */
  owner: LockOwner;
  redactor: TextRedactor & ValueRedactor;
  /** The id of the run doing the reconciling, recorded as `recovered_by`. */
  runId: string;
  finished: string;
}

/**
 * Finishes what a crashed run left in the stage's journal, before anything else happens: an
 * `applied` journal knows the applier's exit and is recorded as it would have been; a `started`
 * one does not, so the change is recorded as `unknown` and the stage put on hold. Returns the
 * completed results (none when there was no journal). A journal that is malformed, of another
 * format or stage, or that does not follow from the stage's state (its change started from
 * another version, or its place in the history is taken) is not trusted: InvalidInputError
 * (exit 2), nothing recorded, and the stage refuses every change until the file is dealt with.
 */
export async function reconcilePromotionJournal(
  options: ReconcileOptions,
): Promise<PromotionResult[]> {
  const { paths } = options;
  const journal = await readPromotionJournal(paths.journal, options.stage);
  if (journal === null) return [];
  const stage = stageState(await readPromotionState(paths.state), options.stage);
  const issues = misfits(journal, stage);
  if (issues.length > 0) throw untrustedJournal(paths.journal, issues);
  // The crashed run streamed its applier's transcript but never got to redact it.
  await redactApplierLog(
    join(paths.artifactsRoot, journal.result.run_id, APPLIER_LOG_FILE),
    options.redactor,
  );
  const result = await finalizePromotion({
    journal,
    applier: journal.phase === 'applied' ? journal.applier : null,
    paths,
    cwd: options.cwd,
    owner: options.owner,
    redactor: options.redactor,
    finished: options.finished,
    recoveredBy: options.runId,
  });
  return [result];
}

// A journal fits the state when its entry is already recorded at its place (the crash came after
// the state was written), or when its place is next and its change started from what runs now.
function misfits(journal: PromotionJournal, stage: StageState): string[] {
  const { attempt, entry } = journal;
  if (stage.history[attempt]?.idempotency_key === entry.idempotency_key) return [];
  if (attempt !== stage.history.length) {
    return [
      `journal.attempt: ${attempt} is not the next place in a history of ${stage.history.length} change(s)`,
    ];
  }
  if (describeVersion(entry.previous) !== describeVersion(stage.current)) {
    return [
      `journal.entry.previous: the change started from ${describeVersion(entry.previous)}, but the stage runs ${describeVersion(stage.current)}`,
    ];
  }
  return [];
}
