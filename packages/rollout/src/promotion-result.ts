import * as z from 'zod/mini';
import { CandidateSchema, type Candidate } from './candidate';
import type { PromotionDecision } from './decide-promotion';
import type { GovernanceResult } from './evaluate-governance';
import type { PlanCheck, PromotionAction } from './plan-promotion';
import { PROMOTION_MODES, type PromotionMode } from './promotion-intent';

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
  /**
   * The names of the checks that stop (or, in a dry run, would stop) the change, in check order;
   * empty when every check passes. A dry run with entries here previews a blocked apply.
   */
  readonly blocked_by: readonly string[];
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

const check = z.strictObject({ name: z.string(), passed: z.boolean(), reason: z.string() });

/**
 * A {@link PromotionResult} read back from disk (a crashed run's journal carries one): every
 * field checked, because recovery writes artifacts and state from it.
 */
export const PromotionResultSchema = z.strictObject({
  schema: z.literal('rc.promotion-result.v1'),
  mode: z.enum(PROMOTION_MODES),
  action: z.enum(['promote', 'rollback', 'release']),
  stage: z.string().check(z.minLength(1)),
  candidate: z.nullable(CandidateSchema),
  target: z.nullable(CandidateSchema),
  outcome: z.enum([
    'previewed',
    'blocked',
    'promoted',
    'rolled_back',
    'released',
    'failed',
    'unknown',
  ]),
  exit_code: z.number().check(z.int()),
  reasons: z.array(z.string()),
  // Absent from results written before it existed (a crashed run's journal): nothing was blocked.
  blocked_by: z._default(z.array(z.string()), []),
  checks: z.array(check),
  decision: z.nullable(
    z.strictObject({
      outcome: z.enum(['promote', 'hold', 'rollback']),
      candidate: CandidateSchema,
      checks: z.array(
        z.strictObject({
          metric: z.string(),
          expected: z.string(),
          actual: z.nullable(z.number()),
          status: z.enum(['pass', 'breach', 'missing']),
          on_breach: z.enum(['hold', 'rollback']),
          reason: z.string(),
        }),
      ),
      reasons: z.array(z.string()),
    }),
  ),
  governance: z.strictObject({
    passed: z.boolean(),
    checks: z.array(
      z.strictObject({
        name: z.enum(['actor', 'approvals', 'change_ticket', 'intent', 'change_window']),
        passed: z.boolean(),
        reason: z.string(),
      }),
    ),
  }),
  applier: z.nullable(
    z.strictObject({
      argv: z.array(z.string()),
      exit_code: z.nullable(z.number()),
      signal: z.nullable(z.string()),
      timed_out: z.boolean(),
      note: z.nullable(z.string()),
      log: z.string(),
    }),
  ),
  versions: z.strictObject({
    before: z.nullable(CandidateSchema),
    after: z.nullable(CandidateSchema),
  }),
  run_id: z.string(),
  idempotency_key: z.string().check(z.minLength(1)),
  trace_id: z.string(),
  actor: z.nullable(z.string()),
  intent: z.nullable(z.string()),
  change_ticket: z.nullable(z.string()),
  approvers: z.array(z.string()),
  signals: z.strictObject({ file: z.string(), source: z.nullable(z.string()), found: z.boolean() }),
  recovered_by: z.nullable(z.string()),
  phoenix_timestamps: z.strictObject({ started: z.string(), finished: z.string() }),
});
