import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import type { PromotionDecision } from './decide-promotion';
import type { GovernanceResult } from './evaluate-governance';
import { planPromotion, type PlanPromotionInput } from './plan-promotion';
import type { PromotionHistoryEntry, StageState } from './promotion-state';

const v = (version: string): Candidate => ({ version, digest: null });

function entry(
  kind: PromotionHistoryEntry['kind'],
  version: string,
  outcome: PromotionHistoryEntry['outcome'] = 'succeeded',
  rolledBackFrom: string | null = null,
): PromotionHistoryEntry {
  return {
    kind,
    version,
    digest: null,
    previous: null,
    rolled_back_from: rolledBackFrom === null ? null : v(rolledBackFrom),
    outcome,
    applier_exit: outcome === 'succeeded' ? 0 : 1,
    run_id: `run-${version}`,
    idempotency_key: `key-${kind}-${version}`,
    trace_id: 'trace',
    actor: null,
    phoenix_timestamp: '2026-01-01T09:00:00-07:00',
  };
}

const HOLD = { reason: 'rolled back', run_id: 'r', phoenix_timestamp: 't' };
const EMPTY: StageState = { current: null, hold: null, history: [] };
const ON_1_1: StageState = {
  current: v('1.1.0'),
  hold: null,
  history: [entry('promote', '1.0.0'), entry('promote', '1.1.0')],
};
const PASSED: GovernanceResult = { passed: true, checks: [] };
const FAILED: GovernanceResult = {
  passed: false,
  checks: [
    { name: 'actor', passed: false, reason: 'no actor' },
    { name: 'change_ticket', passed: true, reason: 'ok' },
  ],
};

function decision(outcome: PromotionDecision['outcome'], version = '1.2.0'): PromotionDecision {
  return { outcome, candidate: v(version), checks: [], reasons: [`${outcome} because`] };
}

function input(overrides: Partial<PlanPromotionInput>): PlanPromotionInput {
  return {
    action: 'promote',
    mode: 'apply',
    stage: 'prod',
    candidate: v('1.2.0'),
    intent: null,
    state: ON_1_1,
    previousStage: {
      name: 'canary',
      state: { current: v('1.2.0'), hold: null, history: [entry('promote', '1.2.0')] },
    },
    decision: decision('promote'),
    governance: PASSED,
    ...overrides,
  };
}

const failedChecks = (plan: ReturnType<typeof planPromotion>) =>
  plan.checks.filter((check) => !check.passed).map((check) => `${check.name}: ${check.reason}`);

describe('planPromotion', () => {
  it('allows a forward promotion when every check passes, targeting the candidate', () => {
    const plan = planPromotion(input({}));
    expect(plan).toMatchObject({ action: 'promote', target: v('1.2.0'), before: v('1.1.0') });
    expect(plan.allowed).toBe(true);
    expect(plan.checks.map((check) => check.name)).toEqual([
      'intent',
      'decision',
      'hold',
      'not_current',
      'stage_order',
      'governance',
    ]);
  });

  it.each<[string, Partial<PlanPromotionInput>, string[]]>([
    [
      'an intent naming another mode',
      { intent: 'rollback: spike' },
      ['intent: intent "rollback: spike" asks for rollback, not apply'],
    ],
    ['no decision', { decision: null }, ['decision: no decision']],
    [
      'a hold decision',
      { decision: decision('hold') },
      ['decision: decision hold for 1.2.0: hold because'],
    ],
    [
      'a stage on hold',
      { state: { ...ON_1_1, hold: HOLD } },
      ['hold: stage prod is on hold (rolled back); run --mode release first'],
    ],
    [
      'the current version',
      { candidate: v('1.1.0'), decision: decision('promote', '1.1.0') },
      [
        'not_current: 1.1.0 is already current in prod',
        'stage_order: 1.1.0 has not been promoted in canary, the stage before prod',
      ],
    ],
    [
      'a candidate the previous stage never promoted',
      { previousStage: { name: 'canary', state: EMPTY } },
      ['stage_order: 1.2.0 has not been promoted in canary, the stage before prod'],
    ],
    ['failing governance', { governance: FAILED }, ['governance: actor: no actor']],
  ])('blocks a promotion on %s, naming the failed check', (_, overrides, failed) => {
    const plan = planPromotion(input(overrides));
    expect(plan.allowed).toBe(false);
    expect(failedChecks(plan)).toEqual(failed);
  });

  it('skips stage order for the first stage and the candidate checks without a candidate', () => {
    const plan = planPromotion(input({ previousStage: null, candidate: null }));
    expect(plan.checks.map((check) => check.name)).toEqual([
      'intent',
      'decision',
      'hold',
      'governance',
    ]);
    expect(plan.target).toBeNull();
  });

  it('rolls back to the newest good version that was never rolled back from', () => {
    const state: StageState = {
      current: v('1.3.0'),
      hold: null,
      history: [
        entry('promote', '1.0.0'),
        entry('promote', '1.1.0'),
        entry('rollback', '1.0.0', 'succeeded', '1.1.0'),
        entry('promote', '1.2.0', 'failed'),
        entry('promote', '1.3.0'),
      ],
    };
    const plan = planPromotion(
      input({ action: 'rollback', mode: 'rollback', candidate: v('1.3.0'), state }),
    );
    expect(plan).toMatchObject({ allowed: true, target: v('1.0.0'), before: v('1.3.0') });
    expect(plan.checks.find((check) => check.name === 'known_good')?.reason).toBe(
      '1.3.0 -> 1.0.0 (last known-good)',
    );
  });

  it.each<[string, Partial<PlanPromotionInput>, string[]]>([
    [
      'a candidate that is not current',
      { candidate: v('1.0.0') },
      ['current: --candidate 1.0.0 is not the current version of prod (1.1.0)'],
    ],
    [
      'no earlier good version',
      {
        candidate: null,
        state: { current: v('1.0.0'), hold: null, history: [entry('promote', '1.0.0')] },
      },
      ['known_good: stage prod has no earlier known-good version to roll back to'],
    ],
  ])('blocks a rollback on %s', (_, overrides, failed) => {
    const plan = planPromotion(input({ action: 'rollback', mode: 'rollback', ...overrides }));
    expect(plan.allowed).toBe(false);
    expect(failedChecks(plan)).toEqual(failed);
  });

  it('releases a held stage onto its current version, and refuses one not on hold', () => {
    const held = planPromotion(
      input({
        action: 'release',
        mode: 'release',
        candidate: null,
        state: { ...ON_1_1, hold: HOLD },
      }),
    );
    expect(held).toMatchObject({ allowed: true, target: v('1.1.0') });
    expect(held.checks.find((check) => check.name === 'hold')?.reason).toBe(
      'releases: rolled back',
    );
    const free = planPromotion(input({ action: 'release', mode: 'release', candidate: null }));
    expect(failedChecks(free)).toEqual(['hold: stage prod is not on hold']);
  });

  it('lets a dry run preview any intent', () => {
    const plan = planPromotion(input({ mode: 'dry_run', intent: 'rollback: spike' }));
    expect(plan.checks[0]).toEqual({
      name: 'intent',
      passed: true,
      reason: 'intent fits the mode',
    });
  });
});
