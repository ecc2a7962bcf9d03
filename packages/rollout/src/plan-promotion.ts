import { formatCandidate, sameCandidate, type Candidate } from './candidate';
import type { PromotionDecision } from './decide-promotion';
import type { GovernanceResult } from './evaluate-governance';
import { intentConflict, type PromotionMode } from './promotion-intent';
import type { StageState } from './promotion-state';
import { describeVersion, lastKnownGood, promotedIn } from './stage-queries';

/** The change a promotion makes to a stage. */
export type PromotionAction = 'promote' | 'rollback' | 'release';

/** One precondition of the change, passed or not. */
export interface PlanCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly reason: string;
}

/** What a promotion would do and whether every precondition holds. */
export interface PromotionPlan {
  readonly action: PromotionAction;
  /** The version the stage ends on when the action succeeds. */
  readonly target: Candidate | null;
  readonly before: Candidate | null;
  /** False when any check failed: nothing may change. */
  readonly allowed: boolean;
  readonly checks: readonly PlanCheck[];
}

/** Everything {@link planPromotion} needs, all plain data. */
export interface PlanPromotionInput {
  /** The change asked for: `apply` means a forward promotion. */
  readonly action: PromotionAction;
  readonly mode: PromotionMode;
  readonly stage: string;
  readonly candidate: Candidate | null;
  readonly intent: string | null;
  readonly state: StageState;
  /** The stage before this one and its state, or null for the first stage. */
  readonly previousStage: { readonly name: string; readonly state: StageState } | null;
  readonly decision: PromotionDecision | null;
  readonly governance: GovernanceResult;
}

/**
 * Plans a promotion, rollback or release of one stage. Pure: it lists every check, so a dry run
 * shows exactly which ones would stop an apply.
 */
export function planPromotion(input: PlanPromotionInput): PromotionPlan {
  const { state, action } = input;
  const checks: PlanCheck[] = [];
  const conflict = intentConflict(input.mode, input.intent);
  checks.push({
    name: 'intent',
    passed: conflict === null,
    reason: conflict ?? 'intent fits the mode',
  });
  let target: Candidate | null = null;
  if (action === 'promote') target = planForward(input, checks);
  if (action === 'rollback') target = planRollback(input, checks);
  if (action === 'release') {
    target = state.current;
    checks.push({
      name: 'hold',
      passed: state.hold !== null,
      reason:
        state.hold === null
          ? `stage ${input.stage} is not on hold`
          : `releases: ${state.hold.reason}`,
    });
  }
  const failed = input.governance.checks.filter((check) => !check.passed);
  checks.push({
    name: 'governance',
    passed: input.governance.passed,
    reason: input.governance.passed
      ? 'every governance rule passes'
      : failed.map((check) => `${check.name}: ${check.reason}`).join('; '),
  });
  return {
    action,
    target,
    before: state.current,
    allowed: checks.every((check) => check.passed),
    checks,
  };
}

function planForward(input: PlanPromotionInput, checks: PlanCheck[]): Candidate | null {
  const { decision, state, candidate, stage } = input;
  checks.push({
    name: 'decision',
    passed: decision?.outcome === 'promote',
    reason:
      decision === null
        ? 'no decision'
        : `decision ${decision.outcome} for ${formatCandidate(decision.candidate)}: ${decision.reasons[0] ?? ''}`,
  });
  checks.push({
    name: 'hold',
    passed: state.hold === null,
    reason:
      state.hold === null
        ? `stage ${stage} is not on hold`
        : `stage ${stage} is on hold (${state.hold.reason}); run --mode release first`,
  });
  if (candidate === null) return null;
  const current = state.current !== null && sameCandidate(state.current, candidate);
  checks.push({
    name: 'not_current',
    passed: !current,
    reason: current
      ? `${formatCandidate(candidate)} is already current in ${stage}`
      : `${describeVersion(state.current)} -> ${formatCandidate(candidate)}`,
  });
  if (input.previousStage !== null) {
    const { name, state: earlier } = input.previousStage;
    const passed = promotedIn(earlier, candidate);
    checks.push({
      name: 'stage_order',
      passed,
      reason: passed
        ? `${formatCandidate(candidate)} was promoted in ${name} first`
        : `${formatCandidate(candidate)} has not been promoted in ${name}, the stage before ${stage}`,
    });
  }
  return candidate;
}

function planRollback(input: PlanPromotionInput, checks: PlanCheck[]): Candidate | null {
  const { state, candidate, stage } = input;
  if (candidate !== null) {
    const matches = state.current !== null && sameCandidate(state.current, candidate);
    checks.push({
      name: 'current',
      passed: matches,
      reason: matches
        ? `rolls back ${formatCandidate(candidate)}, the current version`
        : `--candidate ${formatCandidate(candidate)} is not the current version of ${stage} (${describeVersion(state.current)})`,
    });
  }
  const target = lastKnownGood(state);
  checks.push({
    name: 'known_good',
    passed: target !== null,
    reason:
      target === null
        ? `stage ${stage} has no earlier known-good version to roll back to`
        : `${describeVersion(state.current)} -> ${formatCandidate(target)} (last known-good)`,
  });
  return target;
}
