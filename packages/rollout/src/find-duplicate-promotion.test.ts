import { describe, expect, it } from 'vitest';
import { findDuplicatePromotion, type DuplicateQuery } from './find-duplicate-promotion';
import type { PromotionHistoryEntry, PromotionState } from './promotion-state';

function entry(overrides: Partial<PromotionHistoryEntry>): PromotionHistoryEntry {
  return {
    kind: 'promote',
    version: '1.2.0',
    digest: null,
    previous: null,
    rolled_back_from: null,
    outcome: 'succeeded',
    applier_exit: 0,
    run_id: 'run-1',
    idempotency_key: 'key',
    trace_id: 'trace',
    actor: null,
    phoenix_timestamp: '2026-01-01T09:00:00-07:00',
    ...overrides,
  };
}

function state(stages: Record<string, PromotionHistoryEntry[]>): PromotionState {
  return {
    version: 1,
    stages: Object.fromEntries(
      Object.entries(stages).map(([name, history]) => [
        name,
        { current: null, hold: null, history },
      ]),
    ),
  };
}

const QUERY: DuplicateQuery = {
  idempotencyKey: 'key',
  stage: 'prod',
  action: 'promote',
  candidate: { version: '1.2.0', digest: null },
};

describe('findDuplicatePromotion', () => {
  it('finds none when no stage recorded the key', () => {
    expect(
      findDuplicatePromotion(state({ prod: [entry({ idempotency_key: 'other' })] }), QUERY),
    ).toEqual({
      kind: 'none',
    });
  });

  it('replays the newest entry of this very change', () => {
    const older = entry({ run_id: 'run-1', outcome: 'unknown' });
    const newer = entry({ run_id: 'run-2' });
    expect(findDuplicatePromotion(state({ prod: [older, newer] }), QUERY)).toEqual({
      kind: 'replay',
      stage: 'prod',
      entry: newer,
    });
  });

  it('lets a failed change run again under its key', () => {
    expect(
      findDuplicatePromotion(state({ prod: [entry({}), entry({ outcome: 'failed' })] }), QUERY),
    ).toEqual({ kind: 'none' });
  });

  it.each<[string, Partial<DuplicateQuery>]>([
    ['no candidate', { candidate: null }],
    ['a rollback of anything', { action: 'rollback', candidate: { version: '9', digest: null } }],
  ])('replays a request with %s', (_, overrides) => {
    const recorded = entry({ kind: overrides.action ?? 'promote' });
    expect(
      findDuplicatePromotion(state({ prod: [recorded] }), { ...QUERY, ...overrides }).kind,
    ).toBe('replay');
  });

  it.each<[string, Record<string, PromotionHistoryEntry[]>]>([
    ['another stage', { canary: [entry({})] }],
    ['another kind', { prod: [entry({ kind: 'rollback' })] }],
    ['another version', { prod: [entry({ version: '1.3.0' })] }],
  ])('reports a conflict when the key recorded %s', (_, stages) => {
    const found = findDuplicatePromotion(state(stages), QUERY);
    expect(found).toEqual({
      kind: 'conflict',
      message: expect.stringMatching(
        /^idempotency key key was already used for a different change \(\w+ [\d.]+ in \w+, run run-1\)$/,
      ),
    });
  });
});
