import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { createExecPorts } from '../src/create-exec-ports';
import { findMergedTasks, mergeTaskBranch } from '../src/merge-task-branch';
import { planHash } from '../src/plan-hash';
import { playbookStatus } from '../src/playbook-status';
import type { PlaybookTask } from '../src/playbook-task';
import { runPlaybook, type RunPlaybookInput } from '../src/run-playbook';
import { fakeAgent, git, makeRepo, testConfig, type AgentScript } from './_git-fixture';
import { task } from './_tasks';

function setup(tasks: PlaybookTask[], script: AgentScript) {
  const repo = makeRepo();
  const agent = fakeAgent(script, repo);
  const env = { ...process.env, PATH: `${agent.bin}:${process.env['PATH']}` };
  const ports = createExecPorts({ env });
  const run = (runId: string, overrides: Partial<RunPlaybookInput> = {}) =>
    runPlaybook({
      plan: { source: 'plan.md', tasks },
      repo,
      config: testConfig(),
      ports,
      env,
      clock: () => new Date('2026-11-20T16:15:00Z'),
      runId,
      redactor: createRedactor({ env: {} }),
      ...overrides,
    });
  const starts = (id: string) =>
    readFileSync(agent.record, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith(`${id} start `)).length;
  // Rewrites what the fake agent does from now on (the script is read at each start).
  const rescript = (next: AgentScript) =>
    import('node:fs').then((fs) =>
      fs.writeFileSync(join(agent.bin, 'script.json'), JSON.stringify(next)),
    );
  return { repo, ports, run, starts, rescript };
}

const trailerCount = (repo: string, id: string) =>
  git(repo, 'log', '--format=%(trailers:key=Rc-Task,valueonly)')
    .split('\n')
    .filter((line) => line === id).length;

describe('resuming a playbook run', () => {
  it('after an interruption skips merged tasks, resumes the interrupted one and opens no re-plan task', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/']), task('C', ['c/'], ['A', 'B'])];
    const { repo, run, starts, rescript } = setup(tasks, {
      // A finishes only once B's agent is running, so B is mid-flight when A's merge is seen.
      A: { write: { 'a/a.md': 'A once\n' }, waitForStart: 'B' },
      B: { write: { 'b/b.md': 'B\n' }, sleepMs: 60_000 },
      C: { write: { 'c/c.md': 'C\n' } },
    });
    const controller = new AbortController();
    const first = await run('2026-11-20T09-15-00-0700', {
      signal: controller.signal,
      onEvent: (event) => {
        if (
          event.type === 'finish' &&
          event.entry.task_id === 'A' &&
          event.entry.merge === 'merged'
        )
          controller.abort();
      },
    });
    expect(first.stopped?.reason).toBe('interrupted');
    expect(
      first.entries.map((entry) => [entry.task_id, entry.merge, entry.replan, entry.opened]),
    ).toEqual([
      ['A', 'merged', 'close', []],
      ['B', 'skipped', 'stop', []],
    ]);
    expect(first.entries[1]?.next_action).toBe('stop: interrupted; run again to resume');
    expect(first.entries[0]?.merge_commit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(first.unstarted).toEqual(['C']);

    const status = await playbookStatus({
      plan: { source: 'plan.md', tasks },
      repo,
      config: testConfig(),
    });
    expect(status.tasks.map((row) => [row.id, row.state])).toEqual([
      ['A', 'merged'],
      ['B', 'interrupted'],
      ['C', 'pending'],
    ]);

    await rescript({
      A: { write: { 'a/a.md': 'A twice\n' } },
      B: { write: { 'b/b.md': 'B\n' } },
      C: { write: { 'c/c.md': 'C\n' } },
    });
    const events: string[] = [];
    const second = await run('2026-11-20T09-20-00-0700', {
      onEvent: (event) => {
        if (event.type !== 'finish')
          events.push(`${event.type} ${'task' in event ? event.task : ''}`);
      },
    });
    expect(second.succeeded).toBe(true);
    expect(second.skipped).toEqual(['A']);
    expect(second.entries.map((entry) => [entry.task_id, entry.result, entry.merge])).toEqual([
      ['B', 'pass', 'merged'],
      ['C', 'pass', 'merged'],
    ]);
    expect(events[0]).toBe('skip A');
    expect(starts('A')).toBe(1);
    expect(readFileSync(join(repo, 'a/a.md'), 'utf8')).toBe('A once\n');
    for (const id of ['A', 'B', 'C']) expect(trailerCount(repo, id)).toBe(1);
    expect(readFileSync(second.ledgerMarkdown, 'utf8')).toMatch(
      /\| A \| 2026-11-20T09-15-00-0700 \|[^\n]*\n[^\n]*\| B \| 2026-11-20T09-15-00-0700 \|[^\n]*\n[^\n]*\| B \| 2026-11-20T09-20-00-0700 \|/,
    );
    const ledger = readFileSync(join(repo, '.orchestrator/ledger.ndjson'), 'utf8');
    expect(ledger).not.toContain('-rca');
  });

  it('does nothing when a fully passed plan runs again, and says so', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/'], ['A'])];
    const { repo, run, starts } = setup(tasks, {
      A: { write: { 'a/a.md': 'A\n' } },
      B: { write: { 'b/b.md': 'B\n' } },
    });
    const first = await run('2026-11-20T09-15-00-0700');
    expect(first.succeeded).toBe(true);
    expect(first.upToDate).toBe(false);
    const head = git(repo, 'rev-parse', 'HEAD');
    const ledger = readFileSync(join(repo, '.orchestrator/ledger.ndjson'), 'utf8');
    for (const runId of ['2026-11-20T09-15-00-0700', '2026-11-20T10-00-00-0700']) {
      const again = await run(runId);
      expect(again).toMatchObject({
        upToDate: true,
        succeeded: true,
        entries: [],
        skipped: ['A', 'B'],
      });
    }
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(readFileSync(join(repo, '.orchestrator/ledger.ndjson'), 'utf8')).toBe(ledger);
    expect(starts('A') + starts('B')).toBe(2);
    const status = await playbookStatus({
      plan: { source: 'p', tasks },
      repo,
      config: testConfig(),
    });
    expect(status.complete).toBe(true);
  });

  it('treats a changed plan as a new run: its hash differs', async () => {
    const tasks = [task('A', ['a/'])];
    const { repo, run } = setup(tasks, { A: { write: { 'a/a.md': 'A\n' } } });
    await run('2026-11-20T09-15-00-0700');
    const changed = [task('A', ['a/'], [], { objective: 'do A better' })];
    expect(planHash({ tasks: changed })).not.toBe(planHash({ tasks }));
    expect(planHash({ tasks: tasks.map((one) => ({ ...one, line: 42 })) })).toBe(
      planHash({ tasks }),
    );
    const merged = await findMergedTasks(createExecPorts(), repo, planHash({ tasks: changed }));
    expect(merged.size).toBe(0);
  });

  it('never merges a task twice: the trailer is found and nothing is committed', async () => {
    const tasks = [task('A', ['a/'])];
    const { repo, ports, run } = setup(tasks, { A: { write: { 'a/a.md': 'A\n' } } });
    const result = await run('2026-11-20T09-15-00-0700');
    const head = git(repo, 'rev-parse', 'HEAD');
    const again = await mergeTaskBranch({
      ports,
      repo,
      branch: 'rc/A',
      subject: 'rc: A',
      plan: result.plan,
      task: 'A',
    });
    expect(again).toEqual({ outcome: 'merged', conflict_files: [], commit: head, already: true });
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo, 'log', '-1', '--format=%B')).toContain(
      `Rc-Playbook: ${result.plan}\nRc-Task: A`,
    );
    expect(existsSync(join(repo, 'a/a.md'))).toBe(true);
  });
});
