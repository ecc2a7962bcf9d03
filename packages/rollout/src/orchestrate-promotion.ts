import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError, formatPhoenix, InvalidInputError } from '@rc/orchestrator-core';
import { lockOwner } from './_file-lock';
import { basePromotionResult, blockedResult, previewResult } from './build-promotion-result';
import { decidePromotion } from './decide-promotion';
import { evaluateGovernance } from './evaluate-governance';
import { RESULT_FILE, writeResultArtifacts } from './finalize-promotion';
import { findDuplicatePromotion } from './find-duplicate-promotion';
import { loadPromotionSignals } from './load-promotion-signals';
import { planPromotion } from './plan-promotion';
import { promotionPaths, type PromotionPaths } from './promotion-paths';
import type { PromotionContext, PromotionRequest, PromotionRun } from './promotion-request';
import { PromotionResultSchema, type PromotionResult } from './promotion-result';
import type { PromotionHistoryEntry, PromotionState } from './promotion-state';
import { readPromotionState } from './promotion-store';
import { reconcilePromotionJournal } from './reconcile-promotion-journal';
import { resolvePromotionRequest, type ResolvedPromotion } from './resolve-promotion-request';
import { runPromotionChange } from './run-promotion-change';
import { acquireStageLock } from './stage-lock';
import { stageState } from './stage-queries';

/**
 * Runs `rc promote`: decides, checks governance and, for apply/rollback/release, changes the
 * stage under its lock with the intent journaled first. Throws InvalidInputError (exit 2) for an
 * unknown stage or mode and ConflictError (exit 3) when the stage is busy; a blocked request is a
 * result with exit code 1 that changed nothing but its artifacts.
 */
export async function orchestratePromotion(
  request: PromotionRequest,
  context: PromotionContext,
): Promise<PromotionRun> {
  const checked = resolvePromotionRequest(request, context.config);
  if (!checked.ok) throw new InvalidInputError(checked.issues.join('; '));
  const resolved = checked.value;
  const paths = promotionPaths(context.config, context.cwd, request.stage, request.runId);
  const owner = lockOwner(request.runId, resolved.traceId);
  const lock = resolved.changes
    ? await acquireStageLock({ path: paths.lock, stage: request.stage, owner })
    : null;
  try {
    const recovered = resolved.changes
      ? await reconcilePromotionJournal({
          paths,
          stage: request.stage,
          cwd: context.cwd,
          owner,
          redactor: context.redactor,
          runId: request.runId,
          finished: formatPhoenix(request.now),
        })
      : [];
    const state = await readPromotionState(paths.state);
    if (resolved.changes) {
      const replayed = await replayDuplicate(state, request, resolved, paths);
      if (replayed !== null) return { result: replayed, duplicate: true, recovered, paths };
    }
    const result = await promote(state, request, resolved, context, paths, owner);
    return { result, duplicate: false, recovered, paths };
  } finally {
    await lock?.release();
  }
}

// Gathers the facts, plans, and previews, blocks or carries out the change.
async function promote(
  state: PromotionState,
  request: PromotionRequest,
  resolved: ResolvedPromotion,
  context: PromotionContext,
  paths: PromotionPaths,
  owner: ReturnType<typeof lockOwner>,
): Promise<PromotionResult> {
  const { config } = context;
  const { action, previousStage } = resolved;
  const stage = stageState(state, request.stage);
  const decided = request.candidate ?? (action === 'rollback' ? stage.current : null);
  const signalsFile = request.signalsFile ?? config.signals_file;
  const signals =
    decided === null ? null : await loadPromotionSignals(join(context.cwd, signalsFile));
  const decision = decided === null ? null : decidePromotion(signals, config.thresholds, decided);
  const governance = evaluateGovernance(config.governance, {
    kind: action === 'promote' ? 'apply' : action,
    actor: request.actor,
    approvers: request.approvers,
    approvals: request.approvals,
    changeTicket: request.changeTicket,
    intent: request.intent,
    now: request.now,
  });
  const plan = planPromotion({
    action,
    mode: request.mode,
    stage: request.stage,
    candidate: request.candidate,
    intent: request.intent,
    state: stage,
    previousStage:
      previousStage === null
        ? null
        : { name: previousStage, state: stageState(state, previousStage) },
    decision,
    governance,
  });
  const facts = { request, resolved, plan, stage, decision, governance, signalsFile, signals };
  const base = basePromotionResult(facts);
  if (request.mode === 'dry_run' || !plan.allowed) {
    const result =
      request.mode === 'dry_run'
        ? previewResult(base, plan, await exists(paths.journal))
        : blockedResult(base, plan);
    await writeResultArtifacts(result, paths, context.redactor);
    return result;
  }
  const attempt = stage.history.length;
  return runPromotionChange({ plan, base, attempt, request, context, paths, owner });
}

// The result recorded for this very change, or null when the key is new; ConflictError when the
// key recorded another change or its result artifact is gone.
async function replayDuplicate(
  state: PromotionState,
  request: PromotionRequest,
  resolved: ResolvedPromotion,
  paths: PromotionPaths,
): Promise<PromotionResult | null> {
  const key = resolved.idempotencyKey;
  const found = findDuplicatePromotion(state, {
    idempotencyKey: key,
    stage: request.stage,
    action: resolved.action,
    candidate: request.candidate,
  });
  if (found.kind === 'none') return null;
  if (found.kind === 'conflict') throw new ConflictError(found.message);
  const recorded = await readRecordedResult(paths, found.entry);
  if (recorded?.idempotency_key === key) return recorded;
  throw new ConflictError(
    `idempotency key ${key} was recorded by run ${found.entry.run_id} (${found.entry.outcome}), but its result artifact is missing`,
  );
}

async function readRecordedResult(
  paths: PromotionPaths,
  entry: PromotionHistoryEntry,
): Promise<PromotionResult | null> {
  try {
    const text = await readFile(join(paths.artifactsRoot, entry.run_id, RESULT_FILE), 'utf8');
    const parsed = PromotionResultSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // The artifact is gone, was replaced or is not a result; the state file still knows what happened.
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
