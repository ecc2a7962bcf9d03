import { PlaybookConfigSchema } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { decideSettle, settleMergeIntent, type SettleFacts } from '../src/decide-settle';
import { task } from './_tasks';

const config = PlaybookConfigSchema.parse({});
const facts = (change: Partial<SettleFacts> = {}): SettleFacts => ({
  task: task('A', ['a/']),
  harvest: {
    result: 'pass',
    evidence: 'diff: 1 file changed; no checks',
    diff_stat: '1 file changed',
    changed_files: ['a/x'],
    out_of_scope: [],
    checks: [],
  },
  signals: { unclearCriteria: false, designConflict: false, releaseRisk: false },
  interrupted: false,
  terminal: null,
  mergesHeld: false,
  batchStopped: false,
  config,
  ...change,
});
const merged = { outcome: 'merged' as const, conflict_files: [], commit: 'c0ffee', already: false };

describe('decideSettle', () => {
  it('merges a pass and closes it', () => {
    expect(settleMergeIntent(facts())).toBe('merge');
    expect(decideSettle(facts(), merged)).toMatchObject({
      merge: 'merged',
      merge_commit: 'c0ffee',
      outcome: 'passed',
      stop: null,
      dispatch: [],
    });
  });

  it('never re-plans an interruption or a terminal error, and stops the batch', () => {
    const fail = { ...facts().harvest, result: 'fail' as const };
    for (const change of [
      { interrupted: true },
      { terminal: 'agent not found or not executable (exit 127)' },
    ]) {
      const settled = decideSettle(facts({ ...change, harvest: fail }), null);
      expect(settleMergeIntent(facts(change))).toBe('skip');
      expect(settled).toMatchObject({ merge: 'skipped', outcome: 'failed', dispatch: [] });
      expect(settled.decision.tasks).toEqual([]);
      expect(settled.stop?.reason).toBe('interrupted' in change ? 'interrupted' : 'terminal-error');
    }
  });

  it('holds a pass while a release check is pending, and turns a conflict into a design conflict', () => {
    expect(settleMergeIntent(facts({ mergesHeld: true }))).toBe('hold');
    expect(decideSettle(facts({ mergesHeld: true }), null)).toMatchObject({
      merge: 'held',
      outcome: 'held',
    });
    const conflict = decideSettle(facts(), {
      outcome: 'conflict',
      conflict_files: ['a/x'],
      commit: null,
      already: false,
    });
    expect(conflict).toMatchObject({
      merge: 'conflict',
      conflict_files: ['a/x'],
      outcome: 'failed',
    });
    expect(conflict.evidence).toContain('merge conflict: a/x');
    expect(conflict.dispatch.map((one) => one.id)).toEqual(['A-arch']);
    expect(
      decideSettle(facts({ batchStopped: true }), { ...merged, outcome: 'conflict', commit: null })
        .next_action,
    ).toContain('(not dispatched)');
    expect(decideSettle(facts(), { ...merged, already: true }).evidence).toContain('merged before');
  });
});
