import type { Candidate } from './candidate';
import type { PromotionDecision } from './decide-promotion';
import type { GovernanceResult } from './evaluate-governance';
import type { PlanCheck, PromotionAction } from './plan-promotion';
import type { PromotionMode } from './promotion-intent';

/** How a promotion run ended. */
export type PromotionResultOutcome =
  'previewed' | 'blocked' | 'promoted' | 'rolled_back' | 'released' | 'failed' | 'unknown';

/** How the applier ran, as recorded. */
export interface ApplierRecord {
  readonly argv: readonly string[];
  readonly exit_code: number | null;
  readonly signal: string | null;
  readonly timed_out: boolean;
  /** Why the outcome is unknown or the applier did not start, else null. */
  readonly note: string | null;
  /** The applier's output, relative to the repository root. */
  readonly log: string;
}

/** `promotion-orchestrate-result.json`: everything about one promotion run. */
export interface PromotionResult {
  readonly schema: 'rc.promotion-result.v1';
  readonly mode: PromotionMode;
  readonly action: PromotionAction;
  readonly stage: string;
  readonly candidate: Candidate | null;
  readonly target: Candidate | null;
  readonly outcome: PromotionResultOutcome;
  readonly exit_code: number;
  /** The failed checks when blocked; otherwise what happened, one line each. */
  readonly reasons: readonly string[];
  readonly checks: readonly PlanCheck[];
  readonly decision: PromotionDecision | null;
  readonly governance: GovernanceResult;
  readonly applier: ApplierRecord | null;
  readonly versions: { readonly before: Candidate | null; readonly after: Candidate | null };
  readonly run_id: string;
  readonly idempotency_key: string;
  readonly trace_id: string;
  readonly actor: string | null;
  readonly intent: string | null;
  readonly change_ticket: string | null;
  readonly approvers: readonly string[];
  readonly signals: {
    readonly file: string;
    readonly source: string | null;
    readonly found: boolean;
  };
  /** Set when this result was completed by a later run reconciling a crash: that run's id. */
  readonly recovered_by: string | null;
  readonly phoenix_timestamps: { readonly started: string; readonly finished: string };
}
