import { readFile, rm } from 'node:fs/promises';
import * as z from 'zod/mini';
import {
  canonicalJson,
  InvalidInputError,
  parseRunId,
  validate,
  writeFileAtomic,
  type Result,
  type ValueRedactor,
} from '@rc/orchestrator-core';
import type { ApplierOutcome } from './applier-runner';
import { PromotionResultSchema, type PromotionResult } from './promotion-result';
import { PromotionHistoryEntrySchema, type PromotionHistoryEntry } from './promotion-state';

/** The journal format this rc writes and reads; a journal of any other is not trusted. */
export const PROMOTION_JOURNAL_SCHEMA = 'rc.promotion-journal.v1' as const;

/**
 * The intent of a change, on disk before the applier runs (`started`) and updated with its exit
 * the moment it ends (`applied`). A journal that outlives its run marks a crash.
 */
export interface PromotionJournal {
  readonly schema: typeof PROMOTION_JOURNAL_SCHEMA;
  readonly phase: 'started' | 'applied';
  /** Where the entry goes in the stage's history: tells "recorded" from "not yet" on recovery. */
  readonly attempt: number;
  readonly entry: PromotionHistoryEntry;
  readonly result: PromotionResult;
  readonly applier: ApplierOutcome | null;
}

const PromotionJournalSchema = z.strictObject({
  schema: z.literal(PROMOTION_JOURNAL_SCHEMA),
  phase: z.enum(['started', 'applied']),
  attempt: z.number().check(z.int(), z.nonnegative()),
  entry: PromotionHistoryEntrySchema,
  result: PromotionResultSchema,
  applier: z.nullable(
    z.strictObject({
      exitCode: z.nullable(z.number()),
      signal: z.nullable(z.string()),
      timedOut: z.boolean(),
      interrupted: z.boolean(),
      spawnError: z.nullable(z.string()),
    }),
  ),
});

/**
 * Validates journal data for `stage`: the schema, then that it is one change of this stage told
 * the same way twice (entry and result agree on run, key, kind and version), that its run id is a
 * run id (recovery writes artifacts under it), and that its phase matches what it knows of the
 * applier. Each problem is `journal.path: message`. Pure; never throws.
 */
function parsePromotionJournal(data: unknown, stage: string): Result<PromotionJournal> {
  const parsed = validate(PromotionJournalSchema, data, 'journal');
  if (!parsed.ok) return parsed;
  const journal: PromotionJournal = parsed.value;
  const { entry, result } = journal;
  const issues: string[] = [];
  const differ = (field: string, left: unknown, right: unknown) =>
    issues.push(
      `journal.entry.${field}: ${JSON.stringify(left)} does not match journal.result (${JSON.stringify(right)})`,
    );
  if (result.stage !== stage) {
    issues.push(
      `journal.result.stage: this journal belongs to stage ${result.stage}, not ${stage}`,
    );
  }
  if (!parseRunId(result.run_id).ok) {
    issues.push(`journal.result.run_id: ${JSON.stringify(result.run_id)} is not a run id`);
  }
  if (result.mode === 'dry_run') {
    issues.push('journal.result.mode: a dry run changes nothing and leaves no journal');
  }
  if (entry.run_id !== result.run_id) differ('run_id', entry.run_id, result.run_id);
  if (entry.idempotency_key !== result.idempotency_key) {
    differ('idempotency_key', entry.idempotency_key, result.idempotency_key);
  }
  if (entry.kind !== result.action) differ('kind', entry.kind, result.action);
  if (entry.version !== (result.target?.version ?? '')) {
    differ('version', entry.version, result.target?.version ?? '');
  }
  if ((journal.phase === 'applied') !== (journal.applier !== null)) {
    issues.push(
      journal.phase === 'applied'
        ? 'journal.applier: an applied journal records how the applier ended'
        : 'journal.applier: a started journal cannot know how the applier ended',
    );
  }
  return issues.length === 0 ? parsed : { ok: false, issues };
}

/**
 * Writes the journal atomically (never a torn one), redacted field by field: it holds the whole
 * result, intent included, and outlives a crash. Keys and ids are hashes and run ids, which no
 * secret matches, so a redacted journal still validates and reconciles.
 */
export async function writePromotionJournal(
  path: string,
  journal: PromotionJournal,
  redactor: ValueRedactor,
): Promise<void> {
  await writeFileAtomic(path, canonicalJson(redactor.redactValue(journal)));
}

/**
 * The pending journal of `stage`, or null when the last run finished. Throws InvalidInputError
 * (exit 2) naming the file and every problem when it is not a journal this rc wrote for this
 * stage: such a journal is never reconciled, and every change of the stage is refused until
 * someone checks the stage by hand and removes the file (failing closed).
 */
export async function readPromotionJournal(
  path: string,
  stage: string,
): Promise<PromotionJournal | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw untrustedJournal(path, ['journal: is not valid JSON'], error);
  }
  const parsed = parsePromotionJournal(data, stage);
  if (!parsed.ok) throw untrustedJournal(path, parsed.issues);
  return parsed.value;
}

/** The error for a journal that is not reconciled, its problems listed under the message. */
export function untrustedJournal(
  path: string,
  issues: readonly string[],
  cause?: unknown,
): InvalidInputError {
  return new InvalidInputError(
    `journal ${path} is not reconciled; check the stage by hand, then remove the file:`,
    { issues: [...issues], ...(cause === undefined ? {} : { cause }) },
  );
}

/** Removes the journal once the change is fully recorded. */
export async function clearPromotionJournal(path: string): Promise<void> {
  await rm(path, { force: true });
}
