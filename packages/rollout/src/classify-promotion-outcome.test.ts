import { describe, expect, it } from 'vitest';
import type { ApplierOutcome } from './applier-runner';
import {
  classifyApplierOutcome,
  finishedResult,
  recordChange,
  type ChangeOutcome,
} from './classify-promotion-outcome';
import type { PromotionJournal } from './promotion-journal';
import type { PromotionResult } from './promotion-result';
import type { StageState } from './promotion-state';

const ended = (overrides: Partial<ApplierOutcome>): ApplierOutcome => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  interrupted: false,
  spawnError: null,
  ...overrides,
});

describe('classifyApplierOutcome', () => {
  it.each<[string, ApplierOutcome | null, ChangeOutcome]>([
    ['exit 0', ended({}), { status: 'succeeded', note: null }],
    ['exit 3', ended({ exitCode: 3 }), { status: 'failed', note: null }],
    [
      'a spawn error',
      ended({ exitCode: null, spawnError: 'spawn deploy ENOENT' }),
      { status: 'failed', note: 'spawn deploy ENOENT' },
    ],
    [
      'a kill by signal',
      ended({ exitCode: null, signal: 'SIGKILL' }),
      { status: 'unknown', note: 'killed by SIGKILL' },
    ],
    [
      'a timeout',
      ended({ exitCode: null, timedOut: true }),
      { status: 'unknown', note: 'timed out' },
    ],
    [
      'an interruption',
      ended({ exitCode: null, interrupted: true }),
      { status: 'unknown', note: 'interrupted' },
    ],
    ['no exit seen', null, { status: 'unknown', note: 'rc stopped before it saw the applier end' }],
  ])('classifies %s', (_, applier, outcome) => {
    expect(classifyApplierOutcome(applier)).toEqual(outcome);
  });
});

const v = (version: string) => ({ version, digest: null });

function journal(action: PromotionResult['action']): PromotionJournal {
  const result = {
    action,
    stage: 'prod',
    target: v('1.0.0'),
    versions: { before: v('1.1.0'), after: v('1.1.0') },
    run_id: 'run-2',
    applier: null,
    phoenix_timestamps: { started: 's', finished: 's' },
  } as unknown as PromotionResult;
  return {
    schema: 'rc.promotion-journal.v1',
    phase: 'applied',
    attempt: 1,
    entry: {
      kind: action,
      version: '1.0.0',
      digest: null,
      previous: v('1.1.0'),
      rolled_back_from: null,
      outcome: 'unknown',
      applier_exit: null,
      run_id: 'run-2',
      idempotency_key: 'key-2',
      trace_id: 't',
      actor: null,
      phoenix_timestamp: 's',
    },
    result,
    applier: null,
  };
}

const STAGE: StageState = {
  current: v('1.1.0'),
  hold: null,
  history: [{ ...journal('promote').entry, idempotency_key: 'key-1', outcome: 'succeeded' }],
};

describe('recordChange', () => {
  it('appends the entry and, on success, moves the stage; a rollback holds it', () => {
    const next = recordChange(STAGE, journal('rollback'), { status: 'succeeded', note: null }, 0);
    expect(next.current).toEqual(v('1.0.0'));
    expect(next.history.at(-1)).toMatchObject({ outcome: 'succeeded', applier_exit: 0 });
    expect(next.hold?.reason).toBe('rolled back from 1.1.0 to 1.0.0');
  });

  it('holds the stage on its version when the outcome is unknown', () => {
    const next = recordChange(
      STAGE,
      journal('promote'),
      { status: 'unknown', note: 'timed out' },
      null,
    );
    expect(next.current).toEqual(v('1.1.0'));
    expect(next.hold?.reason).toBe('outcome of promote to 1.0.0 is unknown (timed out)');
  });

  it('leaves a failed change off the current version and a recorded one alone', () => {
    const failed = recordChange(STAGE, journal('promote'), { status: 'failed', note: null }, 2);
    expect([failed.current, failed.hold, failed.history.length]).toEqual([v('1.1.0'), null, 2]);
    expect(recordChange(failed, journal('promote'), { status: 'failed', note: null }, 2)).toBe(
      failed,
    );
  });
});

describe('finishedResult', () => {
  const finish = (outcome: ChangeOutcome, applier: ApplierOutcome | null) =>
    finishedResult(journal('promote').result, {
      outcome,
      applier,
      after: v('1.1.0'),
      finished: 'f',
      recoveredBy: null,
    });

  it.each<[ChangeOutcome, ApplierOutcome | null, string, number, string]>([
    [{ status: 'succeeded', note: null }, ended({}), 'promoted', 0, 'prod: 1.1.0 -> 1.1.0'],
    [
      { status: 'failed', note: null },
      ended({ exitCode: 2 }),
      'failed',
      1,
      'applier failed (exit 2); prod stays on 1.1.0',
    ],
    [
      { status: 'unknown', note: 'interrupted' },
      ended({ exitCode: null, interrupted: true }),
      'unknown',
      130,
      'outcome unknown (interrupted): verify what prod runs, then rc promote --mode release --stage prod',
    ],
  ])('reports %j as %s with exit %i', (outcome, applier, reported, exitCode, reason) => {
    const result = finish(outcome, applier);
    expect([result.outcome, result.exit_code, result.reasons]).toEqual([
      reported,
      exitCode,
      [reason],
    ]);
    expect(result.phoenix_timestamps.finished).toBe('f');
  });
});
