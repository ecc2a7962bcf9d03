import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { createExecPorts } from '../src/create-exec-ports';
import type { PlaybookPorts } from '../src/playbook-ports';
import type { PlaybookTask } from '../src/playbook-task';
import { runPlaybook, type RunPlaybookInput } from '../src/run-playbook';
import { fakeAgent, git, makeRepo, testConfig, type AgentScript } from './_git-fixture';
import { task } from './_tasks';

function setup(tasks: PlaybookTask[], script: AgentScript, files?: Record<string, string>) {
  const repo = makeRepo(files);
  const agent = fakeAgent(script, repo);
  const env = { ...process.env, PATH: `${agent.bin}:${process.env['PATH']}` };
  const ports = createExecPorts({ env });
  const run = (overrides: Partial<RunPlaybookInput> = {}) =>
    runPlaybook({
      plan: { source: 'plan.md', tasks },
      repo,
      config: testConfig(),
      ports,
      env,
      clock: () => new Date('2026-11-20T16:15:00Z'),
      runId: '2026-11-20T09-15-00-0700',
      redactor: createRedactor({ env: {} }),
      ...overrides,
    });
  // The agents' start and end lines, in the order they happened (an append-only record).
  const events = () =>
    readFileSync(agent.record, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ').slice(0, 2).join(' '));
  return { repo, agent, ports, run, events };
}

describe('runPlaybook', () => {
  it('tells each start with its transcript and each finish with its duration by the clock', async () => {
    const { run } = setup([task('A', ['src/a/'])], { A: { write: { 'src/a/a.txt': 'a\n' } } });
    // Every reading of the clock is a second after the one before.
    let now = Date.parse('2026-11-20T16:15:00Z');
    const events: unknown[] = [];
    await run({
      clock: () => new Date((now += 1000)),
      onEvent: (event) =>
        events.push(
          event.type === 'finish'
            ? { type: 'finish', task: event.entry.task_id, durationMs: event.durationMs }
            : event,
        ),
    });
    expect(events).toEqual([
      { type: 'start', task: 'A', branch: 'rc/A', log: '.orchestrator/logs/A.log' },
      { type: 'finish', task: 'A', durationMs: 1000 },
    ]);
  });

  it('runs disjoint scopes at the same time, overlapping ones apart, and merges each pass', async () => {
    const tasks = [task('A', ['src/a/']), task('B', ['src/b/']), task('C', ['src/a/c/'])];
    // A and B each wait at a barrier of two: both finishing proves they ran at once. Room for
    // three at once, so only the scopes keep C from starting beside A.
    const { repo, run, events } = setup(tasks, {
      A: { write: { 'src/a/a.txt': 'a\n' }, barrier: { name: 'AB', parties: 2 } },
      B: { write: { 'src/b/b.txt': 'b\n' }, barrier: { name: 'AB', parties: 2 } },
      C: { write: { 'src/a/c/c.txt': 'c\n' } },
    });
    const result = await run({ config: testConfig({ concurrency: 3 }) });
    expect(
      result.entries.map((entry) => [entry.task_id, entry.result, entry.merge]).sort(),
    ).toEqual([
      ['A', 'pass', 'merged'],
      ['B', 'pass', 'merged'],
      ['C', 'pass', 'merged'],
    ]);
    // C shares A's scope: it starts only after A ended.
    const order = events();
    expect(order.indexOf('C start')).toBeGreaterThan(order.indexOf('A end'));
    expect(order.indexOf('A end')).toBeGreaterThan(-1);
    expect(result.succeeded).toBe(true);
    for (const file of ['src/a/a.txt', 'src/b/b.txt', 'src/a/c/c.txt'])
      expect(existsSync(join(repo, file))).toBe(true);
    expect(git(repo, 'log', '--format=%s', '-3')).toContain('rc: C: do C');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'worktree', 'list')).not.toContain('worktrees/A');
    expect(readFileSync(join(repo, '.orchestrator/logs/A.log'), 'utf8')).toContain(
      '# rc playbook: task A on rc/A',
    );
    const ledger = readFileSync(join(repo, '.orchestrator/ledger.ndjson'), 'utf8')
      .trim()
      .split('\n');
    expect(ledger).toHaveLength(3);
    expect(Object.keys(JSON.parse(ledger[0] as string))).toEqual(
      Object.keys(JSON.parse(ledger[0] as string)).sort(),
    );
    expect(readFileSync(result.ledgerMarkdown, 'utf8')).toContain(
      '| A | 2026-11-20T09-15-00-0700 | development-implementer | diff\\:',
    );
    expect(readFileSync(join(repo, '.orchestrator/cards/A.md'), 'utf8')).toContain(
      '## fake-agent Execution Card: A',
    );
  });

  it('fails an out-of-scope edit and opens a root-cause task for the debug skill', async () => {
    const tasks = [task('A', ['src/a/']), task('B', ['docs/'], ['A'])];
    const { repo, run } = setup(tasks, {
      A: { write: { 'src/a/a.txt': 'a\n', 'secrets.txt': 'oops\n' } },
      'A-rca': { write: { 'src/a/a.txt': 'fixed\n' } },
      B: { write: { 'docs/b.md': 'b\n' } },
    });
    const result = await run();
    expect(
      result.entries.map((entry) => [entry.task_id, entry.result, entry.replan, entry.skill]),
    ).toEqual([
      ['A', 'fail', 'debug', 'development-implementer'],
      ['A-rca', 'pass', 'close', 'debug-troubleshooter'],
      ['B', 'pass', 'close', 'development-implementer'],
    ]);
    expect(result.entries[0]?.out_of_scope).toEqual(['secrets.txt']);
    expect(result.entries[0]?.evidence).toBe('out of scope: secrets.txt');
    expect(existsSync(join(repo, 'secrets.txt'))).toBe(false);
    expect(readFileSync(join(repo, 'src/a/a.txt'), 'utf8')).toBe('fixed\n');
    expect(result.succeeded).toBe(true);
  });

  it('records a merge conflict instead of forcing it, and escalates to the architect skill', async () => {
    const tasks = [task('A', ['shared.txt'])];
    const { repo, run } = setup(
      tasks,
      { A: { write: { 'shared.txt': 'from A\n' }, mainCommit: { 'shared.txt': 'from main\n' } } },
      { 'shared.txt': 'base\n' },
    );
    const result = await run({ config: testConfig({ replan: { redispatch: false } as never }) });
    const entry = result.entries[0];
    expect(entry?.merge).toBe('conflict');
    expect(entry?.conflict_files).toEqual(['shared.txt']);
    expect(entry?.replan).toBe('architect');
    expect(entry?.next_action).toBe(
      'escalate design conflict: A-arch (solution-architect) (not dispatched)',
    );
    expect(readFileSync(join(repo, 'shared.txt'), 'utf8')).toBe('from main\n');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(result.succeeded).toBe(false);
  });

  it('splits a partial task, redispatches the parts, then unlocks its dependents', async () => {
    const tasks = [
      task('A', ['src/a/', 'src/b/'], [], { checks: ['true'] }),
      task('Z', ['docs/'], ['A']),
    ];
    const { run } = setup(tasks, {
      A: { write: { 'src/a/x': '1' }, print: 'RC-RESULT: partial' },
      'A.1': { write: { 'src/a/x': '2' } },
      'A.2': { write: { 'src/b/y': '3' } },
      Z: { write: { 'docs/z.md': 'z' } },
    });
    const result = await run();
    expect(
      result.entries.map((entry) => [entry.task_id, entry.result, entry.replan]).sort(),
    ).toEqual([
      ['A', 'partial', 'split'],
      ['A.1', 'pass', 'close'],
      ['A.2', 'pass', 'close'],
      ['Z', 'pass', 'close'],
    ]);
    expect(result.entries[0]?.opened).toEqual(['A.1', 'A.2']);
    expect(result.succeeded).toBe(true);
  });

  it('holds merges for a release check when release risk rises', async () => {
    const tasks = [task('A', ['.github/']), task('B', ['src/'], ['A'])];
    const { repo, run } = setup(tasks, {
      A: { write: { '.github/workflows/ci.yml': 'on: push\n' } },
      'A-rel': { print: 'rollback: revert the workflow' },
      B: { write: { 'src/b.txt': 'b' } },
    });
    const result = await run();
    expect(result.entries.map((entry) => [entry.task_id, entry.merge, entry.replan])).toEqual([
      ['A', 'held', 'release'],
      ['A-rel', 'merged', 'close'],
      ['A', 'merged', 'close'],
      ['B', 'merged', 'close'],
    ]);
    expect(existsSync(join(repo, '.github/workflows/ci.yml'))).toBe(true);
    expect(result.succeeded).toBe(true);
  });

  it('sends unclear criteria to the requirements skill without running the agent', async () => {
    const tasks = [task('A', ['src/'], [], { done_criteria: '' })];
    const { run, agent } = setup(tasks, {});
    const result = await run({ config: testConfig({ replan: { redispatch: false } as never }) });
    expect(result.entries[0]).toMatchObject({
      result: 'fail',
      replan: 'requirements',
      opened: ['A-req'],
    });
    expect(existsSync(agent.record)).toBe(false);
  });

  it('stops the batch when the agent exits 127 (not found), opening no re-planning task', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/']), task('C', ['c/'])];
    const { run, agent } = setup(tasks, { A: { print: 'sh: 1: codex: not found', exit: 127 } });
    const events: string[] = [];
    const result = await run({
      config: testConfig({ concurrency: 1 }),
      onEvent: (event) => {
        if (event.type === 'stop') events.push(event.reason);
      },
    });
    expect(events).toEqual([
      'terminal agent error in A: agent not found or not executable (exit 127)',
    ]);
    expect(result.entries.map((entry) => [entry.task_id, entry.replan, entry.opened])).toEqual([
      ['A', 'stop', []],
    ]);
    expect(result.unstarted).toEqual(['B', 'C']);
    expect(readFileSync(agent.record, 'utf8')).not.toContain('A-rca');
  });

  it('stops the batch on a terminal agent error', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/'])];
    const { run } = setup(tasks, { A: { print: 'Error: quota exceeded for this month', exit: 1 } });
    const result = await run({ config: testConfig({ concurrency: 1 }) });
    expect(result.stopped).toEqual({
      reason: 'terminal-error',
      detail: 'terminal agent error in A: agent output says "quota exceeded"',
    });
    expect(result.entries.map((entry) => [entry.task_id, entry.next_action])).toEqual([
      [
        'A',
        'stop batch: terminal agent error (agent output says "quota exceeded"); fix it and run again',
      ],
    ]);
    expect(result.unstarted).toEqual(['B']);
  });

  it('stops cleanly on Ctrl-C and records what ran', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/'])];
    const { run, agent } = setup(tasks, { A: { sleepMs: 60_000 } });
    const controller = new AbortController();
    const events: string[] = [];
    // Interrupt once A's agent is seen running (its start line), not after a guessed delay.
    const whenStarted = () =>
      existsSync(agent.record) && readFileSync(agent.record, 'utf8').startsWith('A start ')
        ? controller.abort()
        : setTimeout(whenStarted, 20);
    const pending = run({
      signal: controller.signal,
      config: testConfig({ concurrency: 1 }),
      onEvent: (event) => {
        events.push(event.type);
        if (event.type === 'start') whenStarted();
      },
    });
    const result = await pending;
    expect(result.stopped?.reason).toBe('interrupted');
    expect(result.entries[0]).toMatchObject({
      task_id: 'A',
      result: 'fail',
      next_action: 'stop: interrupted; run again to resume',
    });
    expect(result.entries[0]?.evidence).toMatch(/^interrupted/);
    expect(result.unstarted).toEqual(['B']);
    expect(events).toEqual(['start', 'stop', 'finish']);
  });

  it('does not run a task whose worktree disappeared', async () => {
    const tasks = [task('A', ['a/'])];
    const { run, ports } = setup(tasks, { A: { write: { 'a/x': '1' } } });
    const removing: PlaybookPorts = {
      ...ports,
      async git(args, cwd) {
        const result = await ports.git(args, cwd);
        if (args[0] === 'worktree' && args[1] === 'add')
          rmSync(args[4] as string, { recursive: true, force: true });
        return result;
      },
    };
    const result = await run({
      ports: removing,
      config: testConfig({ replan: { redispatch: false } as never }),
    });
    expect(result.entries[0]).toMatchObject({
      result: 'fail',
      evidence: 'not run: worktree missing',
      replan: 'debug',
    });
  });

  it('runs a single task with --task, its dependencies taken as done, and refuses a dirty checkout', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/'], ['A'])];
    const { repo, run } = setup(tasks, { B: { write: { 'b/x': '1' } } });
    const result = await run({ only: 'B', runner: 'runner-2' });
    expect(result.entries.map((entry) => [entry.task_id, entry.runner])).toEqual([
      ['B', 'runner-2'],
    ]);
    await expect(run({ only: 'Q' })).rejects.toThrow('--task: no task "Q" in the plan');
    git(repo, 'rm', '-q', 'README.md');
    await expect(run()).rejects.toMatchObject({
      exitCode: 2,
      issues: [
        expect.stringContaining(
          'repository: uncommitted changes (D  README.md): commit or stash them',
        ),
      ],
    });
  });
});
