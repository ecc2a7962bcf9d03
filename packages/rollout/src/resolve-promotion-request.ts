import { fail, ok, type PromotionConfig, type Result } from '@rc/orchestrator-core';
import { formatCandidate } from './candidate';
import type { PromotionAction } from './plan-promotion';
import { deriveIdempotencyKey, deriveTraceId } from './promotion-identity';
import { intentMode, PROMOTION_MODES } from './promotion-intent';
import type { PromotionRequest } from './promotion-request';

/** A request checked against the configuration, with its action, key and trace id settled. */
export interface ResolvedPromotion {
  readonly action: PromotionAction;
  /** The stage before the requested one, or null for the first stage. */
  readonly previousStage: string | null;
  readonly idempotencyKey: string;
  readonly traceId: string;
  /** False for a dry run: it changes nothing, so it takes no lock and reconciles nothing. */
  readonly changes: boolean;
}

/** The change a request makes: a dry run previews the one its intent names, apply by default. */
function promotionAction(request: Pick<PromotionRequest, 'mode' | 'intent'>): PromotionAction {
  const mode = request.mode === 'dry_run' ? (intentMode(request.intent) ?? 'apply') : request.mode;
  return mode === 'rollback' ? 'rollback' : mode === 'release' ? 'release' : 'promote';
}

/**
 * Checks a request against the configuration and settles what it will do. Pure. Fails with one
 * issue for an unknown mode or stage, a dry run or apply without a candidate, or a change that
 * needs an applier when none is configured.
 */
export function resolvePromotionRequest(
  request: PromotionRequest,
  config: PromotionConfig,
): Result<ResolvedPromotion> {
  if (!(PROMOTION_MODES as readonly string[]).includes(request.mode)) {
    return fail(`unknown mode "${request.mode}" (expected ${PROMOTION_MODES.join(', ')})`);
  }
  const stageIndex = config.stages.indexOf(request.stage);
  if (stageIndex === -1) {
    return fail(`unknown stage "${request.stage}" (configured: ${config.stages.join(', ')})`);
  }
  if (request.candidate === null && (request.mode === 'apply' || request.mode === 'dry_run')) {
    return fail(`--candidate is required with --mode ${request.mode}`);
  }
  const action = promotionAction(request);
  const changes = request.mode !== 'dry_run';
  if (changes && action !== 'release' && config.applier.command.length === 0) {
    return fail('promotion.applier.command: no applier command is configured');
  }
  const idempotencyKey =
    request.idempotencyKey ??
    deriveIdempotencyKey(
      request.runId,
      request.stage,
      request.mode,
      request.candidate === null ? '' : formatCandidate(request.candidate),
    );
  return ok({
    action,
    previousStage: stageIndex === 0 ? null : (config.stages[stageIndex - 1] ?? null),
    idempotencyKey,
    traceId: request.traceId ?? deriveTraceId(idempotencyKey),
    changes,
  });
}
