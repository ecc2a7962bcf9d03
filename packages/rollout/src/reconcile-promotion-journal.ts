import { join } from 'node:path';
import type { Redactor } from '@rc/orchestrator-core';
import type { LockOwner } from './_file-lock';
import { _redactApplierLog } from './_redact-applier-log';
import { APPLIER_LOG_FILE, finalizePromotion } from './finalize-promotion';
import type { PromotionPaths } from './promotion-paths';
import { readPromotionJournal } from './promotion-journal';
import type { PromotionResult } from './promotion-result';

/** Options of {@link reconcilePromotionJournal}. */
export interface ReconcileOptions {
  paths: PromotionPaths;
  cwd: string;
  /** The current run, which must hold the stage lock. */
  owner: LockOwner;
  redactor: Redactor;
  /** The id of the run doing the reconciling, recorded as `recovered_by`. */
  runId: string;
  finished: string;
}

/**
 * Finishes what a crashed run left in the stage's journal, before anything else happens: an
 * `applied` journal knows the applier's exit and is recorded as it would have been; a `started`
 * one does not, so the change is recorded as `unknown` and the stage put on hold. Returns the
 * completed results (none when there was no journal).
 */
export async function reconcilePromotionJournal(
  options: ReconcileOptions,
): Promise<PromotionResult[]> {
  const journal = await readPromotionJournal(options.paths.journal);
  if (journal === null) return [];
  // The crashed run streamed its applier's transcript but never got to redact it.
  await _redactApplierLog(
    join(options.paths.artifactsRoot, journal.result.run_id, APPLIER_LOG_FILE),
    options.redactor,
  );
  const result = await finalizePromotion({
    journal,
    applier: journal.phase === 'applied' ? journal.applier : null,
    paths: options.paths,
    cwd: options.cwd,
    owner: options.owner,
    redactor: options.redactor,
    finished: options.finished,
    recoveredBy: options.runId,
  });
  return [result];
}
