import { readFile, rm } from 'node:fs/promises';
import { canonicalJson, InvalidInputError, writeFileAtomic } from '@rc/orchestrator-core';
import type { ApplierOutcome } from './applier-runner';
import type { PromotionResult } from './promotion-result';
import type { PromotionHistoryEntry } from './promotion-state';

/**
 * The intent of a change, on disk before the applier runs (`started`) and updated with its exit
 * the moment it ends (`applied`). A journal that outlives its run marks a crash.
 */
export interface PromotionJournal {
  readonly phase: 'started' | 'applied';
  /** Where the entry goes in the stage's history: tells "recorded" from "not yet" on recovery. */
  readonly attempt: number;
  readonly entry: PromotionHistoryEntry;
  readonly result: PromotionResult;
  readonly applier: ApplierOutcome | null;
}

/** Writes the journal atomically (never a torn one). */
export async function writePromotionJournal(
  path: string,
  journal: PromotionJournal,
): Promise<void> {
  await writeFileAtomic(path, canonicalJson(journal));
}

/** The pending journal, or null when the last run finished. */
export async function readPromotionJournal(path: string): Promise<PromotionJournal | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const journal = JSON.parse(text) as PromotionJournal;
    if (journal.phase !== 'started' && journal.phase !== 'applied') throw new Error('bad phase');
    return journal;
  } catch (error) {
    throw new InvalidInputError(
      `journal ${path} is corrupt; check the stage by hand, then remove the file`,
      { cause: error },
    );
  }
}

/** Removes the journal once the change is fully recorded. */
export async function clearPromotionJournal(path: string): Promise<void> {
  await rm(path, { force: true });
}
