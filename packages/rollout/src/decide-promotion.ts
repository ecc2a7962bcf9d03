import type { PromotionThreshold } from '@rc/orchestrator-core';
import { formatCandidate, sameCandidate, type Candidate } from './candidate';
import type { PromotionSignals } from './promotion-signals';

/** What the signals say to do with a candidate. */
export type PromotionOutcome = 'promote' | 'hold' | 'rollback';

/** One threshold evaluated against the signals. */
export interface ThresholdCheck {
  readonly metric: string;
  /** The bound as text: `>= 0.95`, `<= 0.01` or `0.9..1`. */
  readonly expected: string;
  /** The signal's value, or null when the signals lack it. */
  readonly actual: number | null;
  /** `pass`, `breach`, or `missing` (no value, or signals for another candidate). */
  readonly status: 'pass' | 'breach' | 'missing';
  readonly on_breach: 'hold' | 'rollback';
  /** One line naming the metric, both numbers and the candidate the check is bound to. */
  readonly reason: string;
}

/** The decision for exactly one candidate, with a reason per threshold. */
export interface PromotionDecision {
  readonly outcome: PromotionOutcome;
  /** The candidate this decision is about; it says nothing about any other. */
  readonly candidate: Candidate;
  readonly checks: readonly ThresholdCheck[];
  /** Why the outcome is what it is, most important first. */
  readonly reasons: readonly string[];
}

/**
 * Decides whether `candidate` may be promoted. Pure. Missing evidence never promotes: no
 * signals, signals about another build, a missing metric or no thresholds at all mean `hold`. A
 * breached `on_breach: rollback` threshold means `rollback` (the build is known bad), any other
 * breach `hold`, and only every threshold passing means `promote`.
 */
export function decidePromotion(
  signals: PromotionSignals | null,
  thresholds: readonly PromotionThreshold[],
  candidate: Candidate,
): PromotionDecision {
  const label = formatCandidate(candidate);
  const mismatch = signals !== null && !sameCandidate(signals.candidate, candidate);
  const usable = signals !== null && !mismatch;
  const checks = thresholds.map((threshold) =>
    evaluate(threshold, usable ? signals.metrics[threshold.metric] : undefined, label),
  );
  const reasons: string[] = [];
  if (signals === null) reasons.push(`no signals for ${label}: hold`);
  if (mismatch) {
    reasons.push(
      `signals are for ${formatCandidate(signals.candidate)}, not candidate ${label}: hold`,
    );
  }
  if (thresholds.length === 0) reasons.push(`no thresholds configured for ${label}: hold`);
  const breached = (onBreach: 'hold' | 'rollback') =>
    checks.filter((check) => check.status === 'breach' && check.on_breach === onBreach);
  const missing = checks.filter((check) => check.status === 'missing');
  let outcome: PromotionOutcome;
  if (breached('rollback').length > 0) {
    outcome = 'rollback';
    reasons.unshift(...breached('rollback').map((check) => check.reason));
  } else if (reasons.length > 0 || missing.length > 0 || breached('hold').length > 0) {
    outcome = 'hold';
    if (usable) reasons.push(...missing.map((check) => check.reason));
    reasons.push(...breached('hold').map((check) => check.reason));
  } else {
    outcome = 'promote';
    reasons.push(`all ${checks.length} thresholds pass for ${label}: promote`);
  }
  return { outcome, candidate, checks, reasons };
}

function evaluate(
  threshold: PromotionThreshold,
  value: number | undefined,
  label: string,
): ThresholdCheck {
  const { metric, min, max, on_breach } = threshold;
  const expected =
    min !== undefined && max !== undefined
      ? `${min}..${max}`
      : min !== undefined
        ? `>= ${min}`
        : `<= ${String(max)}`;
  const base = { metric, expected, on_breach };
  if (value === undefined) {
    return {
      ...base,
      actual: null,
      status: 'missing',
      reason: `${metric}: no value for ${label} (expected ${expected}): missing`,
    };
  }
  const passed = (min === undefined || value >= min) && (max === undefined || value <= max);
  return {
    ...base,
    actual: value,
    status: passed ? 'pass' : 'breach',
    reason: `${metric}: ${value} for ${label} (expected ${expected}): ${passed ? 'pass' : `breach, ${on_breach}`}`,
  };
}
