import { formatPhoenix, EXIT_CODES } from '@rc/orchestrator-core';
import { formatCandidate } from './candidate';
import type { PromotionDecision } from './decide-promotion';
import type { GovernanceResult } from './evaluate-governance';
import type { PromotionPlan } from './plan-promotion';
import type { PromotionSignals } from './promotion-signals';
import type { PromotionRequest } from './promotion-request';
import type { PromotionResult } from './promotion-result';
import type { StageState } from './promotion-state';
import type { ResolvedPromotion } from './resolve-promotion-request';

/** Everything a promotion's result records before anything changes. */
export interface PromotionFacts {
  readonly request: PromotionRequest;
  readonly resolved: ResolvedPromotion;
  readonly plan: PromotionPlan;
  /** The stage's state before the change. */
  readonly stage: StageState;
  readonly decision: PromotionDecision | null;
  readonly governance: GovernanceResult;
  /** The signals file as configured or asked for (not resolved against the repository root). */
  readonly signalsFile: string;
  /** The signals read from it, or null when it was missing or not read. */
  readonly signals: PromotionSignals | null;
}

/** The result of a promotion before it runs: `previewed`, exit 0, versions unchanged. Pure. */
export function basePromotionResult(facts: PromotionFacts): PromotionResult {
  const { request, resolved, plan, stage, signals } = facts;
  const at = formatPhoenix(request.now);
  return {
    schema: 'rc.promotion-result.v1',
    mode: request.mode,
    action: resolved.action,
    stage: request.stage,
    candidate: request.candidate,
    target: plan.target,
    outcome: 'previewed',
    exit_code: EXIT_CODES.ok,
    reasons: [],
    blocked_by: plan.checks.filter((check) => !check.passed).map((check) => check.name),
    checks: plan.checks,
    decision: facts.decision,
    governance: facts.governance,
    applier: null,
    versions: { before: stage.current, after: stage.current },
    run_id: request.runId,
    idempotency_key: resolved.idempotencyKey,
    trace_id: resolved.traceId,
    actor: request.actor,
    intent: request.intent,
    change_ticket: request.changeTicket,
    approvers: [...request.approvers],
    signals: { file: facts.signalsFile, source: signals?.source ?? null, found: signals !== null },
    recovered_by: null,
    phoenix_timestamps: { started: at, finished: at },
  };
}

function failedChecks(plan: PromotionPlan): string[] {
  return plan.checks
    .filter((check) => !check.passed)
    .map((check) => `${check.name}: ${check.reason}`);
}

/**
 * A dry run's result: what would happen, every failed check, and a note when a crashed run left a
 * journal behind. Pure.
 */
export function previewResult(
  base: PromotionResult,
  plan: PromotionPlan,
  journalPending: boolean,
): PromotionResult {
  return {
    ...base,
    reasons: [
      plan.allowed
        ? `would ${base.action} ${base.stage}`
        : `would be blocked by ${base.blocked_by.join(', ')}`,
      ...failedChecks(plan),
      ...(journalPending
        ? ['a crashed run left a journal; the next apply, rollback or release reconciles it first']
        : []),
    ],
  };
}

/** A change a check stopped: `blocked`, exit 1, every failed check as a reason. Pure. */
export function blockedResult(base: PromotionResult, plan: PromotionPlan): PromotionResult {
  return { ...base, outcome: 'blocked', exit_code: EXIT_CODES.failed, reasons: failedChecks(plan) };
}

/** A finished release, as recorded by finalizePromotion, told as a release. Pure. */
export function releasedResult(recorded: PromotionResult): PromotionResult {
  const after = recorded.versions.after;
  return {
    ...recorded,
    outcome: 'released',
    reasons: [
      `${recorded.stage}: hold released on ${after === null ? '(none)' : formatCandidate(after)}`,
    ],
  };
}
