import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor, OperationError } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { createExecPorts } from '../src/create-exec-ports';
import { decideFanIn } from '../src/decide-fan-in';
import { readLedger } from '../src/ledger-file';
import { mergePlaybook } from '../src/merge-playbook';
import { runPlaybook } from '../src/run-playbook';
import type { PlaybookTask } from '../src/playbook-task';
import { fakeAgent, git, makeRepo, testConfig, type AgentScript } from './_git-fixture';
import { entry } from './_entry';
import { task } from './_tasks';

describe('decideFanIn', () => {
  const tasks = [
    task('A', ['a/']),
    task('B', ['b/'], ['A']),
    task('C', ['c/']),
    task('D', ['d/'], ['C']),
  ];
  it('merges passed tasks in dependency order and leaves the rest, saying why', () => {
    const steps = decideFanIn({
      tasks: [tasks[1] as PlaybookTask, ...tasks.filter((one) => one.id !== 'B')],
      entries: [
        entry('A', 't', { plan: 'p' }),
        entry('B', 't', { plan: 'p' }),
        entry('C', 't', {
          plan: 'p',
          result: 'fail',
          replan: 'debug',
          next_action: 'root-cause task C-rca',
        }),
      ],
      merged: new Map([['X', 'c0ffee']]),
    });
    expect(steps.map((step) => [step.id, step.action, step.reason])).toEqual([
      ['A', 'merge', null],
      ['B', 'merge', null],
      ['C', 'skip', 'fail: root-cause task C-rca'],
      ['D', 'blocked', 'dependency not merged: C'],
    ]);
  });

  it('leaves merged tasks alone and skips tasks that never ran', () => {
    const steps = decideFanIn({ tasks, entries: [], merged: new Map([['A', 'c0ffee']]) });
    expect(steps.map((step) => step.action)).toEqual(['already', 'skip', 'skip', 'blocked']);
  });
});

function runner(tasks: PlaybookTask[], script: AgentScript) {
  const repo = makeRepo();
  const agent = fakeAgent(script, repo);
  const env = { ...process.env, PATH: `${agent.bin}:${process.env['PATH']}` };
  const common = {
    plan: { source: 'plan.md', tasks },
    repo,
    config: testConfig(),
    ports: createExecPorts({ env }),
    clock: () => new Date('2026-11-20T16:15:00Z'),
    runId: '2026-11-20T09-15-00-0700',
    redactor: createRedactor({ env: {} }),
  };
  return { repo, env, common };
}

describe('mergePlaybook and runPlaybook --task', () => {
  it('runs a task on the work of its dependency branch, leaves it unmerged, and the fan-in merges both once', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/'], ['A'])];
    const { repo, env, common } = runner(tasks, {
      A: { write: { 'a/a.md': 'A\n' } },
      B: { write: { 'b/b.md': 'B\n' } },
    });
    const base = git(repo, 'rev-parse', 'HEAD');
    const a = await runPlaybook({ ...common, env, only: 'A', merge: false });
    expect(a.entries.map((one) => [one.task_id, one.result, one.merge])).toEqual([
      ['A', 'pass', 'skipped'],
    ]);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(base);
    const b = await runPlaybook({ ...common, env, only: 'B', merge: false });
    expect(b.succeeded).toBe(true);
    // B started from A's work: its branch holds A's file and a commit with A's trailer.
    expect(git(repo, 'show', 'rc/B:a/a.md')).toBe('A');
    git(repo, 'reset', '-q', '--hard', base);
    const ledger = (await readLedger(join(repo, '.orchestrator/ledger.ndjson'))).entries;
    const merged = await mergePlaybook({ ...common, ledgers: [ledger] });
    expect(merged.complete).toBe(true);
    expect(merged.steps.map((step) => [step.id, step.action])).toEqual([
      ['A', 'merge'],
      ['B', 'merge'],
    ]);
    expect(
      merged.entries.map((one) => [one.task_id, one.merge, one.merge_commit !== null]),
    ).toEqual([
      ['A', 'merged', true],
      ['B', 'merged', true],
    ]);
    expect(readFileSync(join(repo, 'b/b.md'), 'utf8')).toBe('B\n');
    expect(readFileSync(merged.ledgerMarkdown, 'utf8')).toContain('merged by the fan-in');
    const head = git(repo, 'rev-parse', 'HEAD');
    const again = await mergePlaybook({ ...common, ledgers: [ledger] });
    expect(again.entries).toEqual([]);
    expect(again.steps.map((step) => step.action)).toEqual(['already', 'already']);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('stops the fan-in on a conflict and resets the checkout', async () => {
    const tasks = [task('A', ['shared.txt'])];
    const { repo, env, common } = runner(tasks, { A: { write: { 'shared.txt': 'from A\n' } } });
    await runPlaybook({ ...common, env, only: 'A', merge: false });
    const ledger = (await readLedger(join(repo, '.orchestrator/ledger.ndjson'))).entries;
    git(repo, 'checkout', '-q', 'main');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(repo, 'shared.txt'), 'from main\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'main moved');
    const error = await mergePlaybook({ ...common, ledgers: [ledger] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toBe(
      'fan-in: merging rc/A conflicts in shared.txt; the checkout was reset',
    );
    expect(git(repo, 'status', '--porcelain', '--untracked-files=no')).toBe('');
  });
});
