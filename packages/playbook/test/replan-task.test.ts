import { PlaybookConfigSchema } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { releaseRiskFiles, replanTask, splitTask, type ReplanSignals } from '../src/replan-task';
import { task } from './_tasks';

const config = PlaybookConfigSchema.parse({});
const none: ReplanSignals = { unclearCriteria: false, designConflict: false, releaseRisk: false };
const decide = (
  result: 'pass' | 'partial' | 'fail',
  signals: Partial<ReplanSignals> = {},
  item = task('T', ['a/', 'b/'], [], { checks: ['x', 'y'] }),
  replan: Partial<typeof config.replan> = {},
) =>
  replanTask({
    task: item,
    result,
    signals: { ...none, ...signals },
    config: { ...config, replan: { ...config.replan, ...replan } },
  });

describe('replanTask', () => {
  it.each([
    ['pass', {}, 'close', [], 'close task; unlock dependents'],
    ['partial', {}, 'split', ['T.1', 'T.2'], 'split into T.1, T.2 and redispatch'],
    ['fail', {}, 'debug', ['T-rca'], 'root-cause task T-rca (debug-troubleshooter)'],
    [
      'fail',
      { unclearCriteria: true },
      'requirements',
      ['T-req'],
      'clarify criteria: T-req (requirements-analyst)',
    ],
    [
      'pass',
      { designConflict: true },
      'architect',
      ['T-arch'],
      'escalate design conflict: T-arch (solution-architect)',
    ],
    [
      'pass',
      { releaseRisk: true },
      'release',
      ['T-rel'],
      'release check T-rel (release-devops) before more merges',
    ],
    [
      'fail',
      { releaseRisk: true },
      'debug',
      ['T-rca'],
      'root-cause task T-rca (debug-troubleshooter)',
    ],
  ] as const)('%s with %j -> %s', (result, signals, action, opened, text) => {
    const decision = decide(result, signals);
    expect(decision.action).toBe(action);
    expect(decision.tasks.map((item) => item.id)).toEqual(opened);
    expect(decision.next_action).toBe(text);
    expect(decision.holdMerges).toBe(action === 'release');
  });

  it('gives opened tasks the skill, a parent and one more level of depth', () => {
    const [rca] = decide('fail').tasks;
    expect(rca).toMatchObject({
      skill: 'debug-troubleshooter',
      parent: 'T',
      depth: 1,
      scope: ['a/', 'b/'],
      line: 0,
    });
  });

  it('stops for a person past the maximum depth', () => {
    const deep = task('T', ['a/'], [], { depth: 2 });
    expect(decide('fail', {}, deep)).toEqual({
      action: 'stop',
      tasks: [],
      next_action: 'stop: re-planning depth 2 reached, needs a person (debug)',
      holdMerges: false,
    });
  });

  it.each([
    [{ on_partial: 'stop' }, 'partial', 'stop: partial result, needs a person'],
    [{ on_fail: 'stop' }, 'fail', 'stop: failed, needs a person'],
    [{ on_partial: 'debug' }, 'partial', 'root-cause task T-rca (debug-troubleshooter)'],
  ] as const)('follows the configured rule %j', (replan, result, text) => {
    expect(decide(result, {}, undefined, replan).next_action).toBe(text);
  });

  it('debugs a partial task that cannot be split', () => {
    expect(decide('partial', {}, task('T', ['a/'])).action).toBe('debug');
  });
});

describe('splitTask', () => {
  it('splits by scope first, then by checks', () => {
    expect(splitTask(task('T', ['a/', 'b/', 'c/'])).map((part) => part.scope)).toEqual([
      ['a/', 'b/'],
      ['c/'],
    ]);
    expect(
      splitTask(task('T', ['a/'], [], { checks: ['x', 'y'] })).map((part) => [
        part.id,
        part.checks,
      ]),
    ).toEqual([
      ['T.1', ['x']],
      ['T.2', ['y']],
    ]);
    expect(splitTask(task('T', ['a/']))).toEqual([]);
  });
});

describe('releaseRiskFiles', () => {
  it('matches changed files against the risk globs', () => {
    expect(
      releaseRiskFiles(
        ['.github/workflows/ci.yml', 'src/a.ts', 'pkg/package-lock.json'],
        config.replan.release_risk_paths,
      ),
    ).toEqual(['.github/workflows/ci.yml', 'pkg/package-lock.json']);
    expect(releaseRiskFiles(['a'], [])).toEqual([]);
  });
});
