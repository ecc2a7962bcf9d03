import fc from 'fast-check';
import { PromotionConfigSchema, type PromotionThreshold } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { decidePromotion } from './decide-promotion';
import type { PromotionSignals } from './promotion-signals';

const thresholds: PromotionThreshold[] = [
  { metric: 'pass_rate', min: 0.95, on_breach: 'hold' },
  { metric: 'error_rate', max: 0.01, on_breach: 'rollback' },
  { metric: 'p95_ms', min: 0, max: 300, on_breach: 'hold' },
];
const candidate = { version: '1.4.0', digest: 'sha256:abcdef12' };
const signals = (metrics: Record<string, number>, version = '1.4.0'): PromotionSignals => ({
  candidate: { version, digest: null },
  metrics,
  source: 'ci',
});
const good = { pass_rate: 0.99, error_rate: 0.001, p95_ms: 120 };

describe('decidePromotion', () => {
  it('promotes when every threshold passes, each reason naming the candidate', () => {
    const decision = decidePromotion(signals(good), thresholds, candidate);
    expect(decision.outcome).toBe('promote');
    expect(decision.checks.map((check) => check.status)).toEqual(['pass', 'pass', 'pass']);
    expect(decision.checks[2]).toMatchObject({ expected: '0..300', actual: 120 });
    for (const check of decision.checks) expect(check.reason).toContain('1.4.0@sha256:abcdef12');
  });

  it.each([
    ['a hold threshold is breached', { ...good, pass_rate: 0.5 }, 'hold', 'pass_rate: 0.5'],
    [
      'a rollback threshold is breached',
      { ...good, error_rate: 0.2 },
      'rollback',
      'breach, rollback',
    ],
    ['a metric is missing', { pass_rate: 1, error_rate: 0 }, 'hold', 'p95_ms: no value'],
  ])('decides when %s', (_, metrics, outcome, reason) => {
    const decision = decidePromotion(signals(metrics), thresholds, candidate);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons.join('\n')).toContain(reason);
  });

  it('holds without signals', () => {
    const decision = decidePromotion(null, thresholds, candidate);
    expect(decision.outcome).toBe('hold');
    expect(decision.reasons[0]).toBe('no signals for 1.4.0@sha256:abcdef12: hold');
    expect(decision.checks.every((check) => check.status === 'missing')).toBe(true);
  });

  it('holds when the signals describe another candidate, even if they are perfect', () => {
    const decision = decidePromotion(signals(good, '1.3.9'), thresholds, candidate);
    expect(decision.outcome).toBe('hold');
    expect(decision.reasons).toEqual([
      'signals are for 1.3.9, not candidate 1.4.0@sha256:abcdef12: hold',
    ]);
  });

  it('holds with no thresholds configured', () => {
    expect(decidePromotion(signals(good), [], candidate).outcome).toBe('hold');
  });

  it('works with the default thresholds', () => {
    const defaults = PromotionConfigSchema.parse({}).thresholds;
    expect(decidePromotion(signals(good), defaults, candidate).outcome).toBe('promote');
  });

  it('never promotes when any metric is missing or the signals are for another build', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('pass_rate', 'error_rate', 'p95_ms'),
          fc.double({ min: -1, max: 1000, noNaN: true }),
        ),
        fc.boolean(),
        (metrics, otherBuild) => {
          const complete = Object.keys(metrics).length === 3;
          const decision = decidePromotion(
            signals(metrics, otherBuild ? '9.9.9' : '1.4.0'),
            thresholds,
            candidate,
          );
          if (!complete || otherBuild) expect(decision.outcome).not.toBe('promote');
          if (otherBuild) expect(decision.outcome).toBe('hold');
        },
      ),
    );
  });
});
