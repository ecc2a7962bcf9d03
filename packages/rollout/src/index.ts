export { CandidateSchema, formatCandidate, parseCandidate, sameCandidate } from './candidate';
export { parsePromotionSignals, PromotionSignalsSchema } from './promotion-signals';
export { loadPromotionSignals } from './load-promotion-signals';
export { decidePromotion } from './decide-promotion';
export { evaluateGovernance } from './evaluate-governance';
export { normalizeLogin } from './normalize-login';
export { parseLogin } from './parse-login';
export { intentConflict, intentMode, PROMOTION_MODES } from './promotion-intent';
export { planPromotion } from './plan-promotion';
export {
  emptyPromotionState,
  parsePromotionState,
  PromotionHistoryEntrySchema,
  PromotionStateSchema,
} from './promotion-state';
export { describeVersion, lastKnownGood, promotedIn, stageState } from './stage-queries';
export { readPromotionState } from './promotion-store';
export { PromotionResultSchema } from './promotion-result';
export { promotionPaths } from './promotion-paths';
export { deriveIdempotencyKey, deriveTraceId } from './promotion-identity';
export {
  APPLIER_ARG_ORDER,
  applierEnvironment,
  renderApplierCommand,
} from './render-applier-command';
export { createExecApplierRunner } from './exec-applier-runner';
export { APPLIER_LOG_FILE, RESULT_FILE, SUMMARY_FILE } from './finalize-promotion';
export { renderPromotionSummary } from './render-promotion-summary';
export { orchestratePromotion } from './orchestrate-promotion';

export type { Candidate } from './candidate';
export type { PromotionSignals } from './promotion-signals';
export type { PromotionDecision, PromotionOutcome, ThresholdCheck } from './decide-promotion';
export type {
  ChangeKind,
  GovernanceCheck,
  GovernanceRequest,
  GovernanceResult,
} from './evaluate-governance';
export type { PromotionMode } from './promotion-intent';
export type {
  PlanCheck,
  PlanPromotionInput,
  PromotionAction,
  PromotionPlan,
} from './plan-promotion';
export type {
  PromotionHistoryEntry,
  PromotionHold,
  PromotionState,
  StageState,
} from './promotion-state';
export type { PromotionPaths } from './promotion-paths';
export type { ApplierVariables } from './render-applier-command';
export type { ApplierOutcome, ApplierRequest, ApplierRunner } from './applier-runner';
export type { ExecApplierRunnerOptions } from './exec-applier-runner';
export type { ApplierRecord, PromotionResult, PromotionResultOutcome } from './promotion-result';
export type { PromotionContext, PromotionRequest, PromotionRun } from './promotion-request';
