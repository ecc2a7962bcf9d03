import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor, OperationError } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { createExecPorts } from '../src/create-exec-ports';
import type { PlaybookTask } from '../src/playbook-task';
import { runPlaybook, type RunPlaybookInput } from '../src/run-playbook';
import { git, makeRepo, tempDir, testConfig } from './_git-fixture';
import { task } from './_tasks';

/** What the fake `claude` does for each task id. */
interface ClaudeScript {
  [taskId: string]: {
    write?: Record<string, string>;
    usage?: { input_tokens: number; output_tokens: number; cost_usd: number };
    /** Print an error result with this text and exit 1. */
    error?: string;
  };
}

/**
 * A fake `claude` on PATH: `claude auth status` exits as `auth` says; a run records its
 * arguments, writes the task's files and prints Claude Code's stream-json events with usage.
 */
function fakeClaude(script: ClaudeScript, auth: 0 | 1 = 0) {
  const bin = tempDir('rc-claude-');
  const record = join(bin, 'record.log');
  writeFileSync(join(bin, 'script.json'), JSON.stringify(script));
  writeFileSync(
    join(bin, 'claude'),
    `#!/usr/bin/env node
const fs = require('node:fs'), path = require('node:path');
const args = process.argv.slice(2);
if (args[0] === 'auth') process.exit(${auth});
const id = process.env.RC_TASK_ID;
const step = JSON.parse(fs.readFileSync(${JSON.stringify(join(bin, 'script.json'))}, 'utf8'))[id] ?? {};
fs.readFileSync(0, 'utf8');
fs.appendFileSync(${JSON.stringify(record)}, id + ' ' + JSON.stringify(args) + ' ' + process.env.RC_AGENT_PERMISSIONS + '\\n');
for (const [file, text] of Object.entries(step.write ?? {})) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
const say = (event) => console.log(JSON.stringify(event));
say({ type: 'system', subtype: 'init' });
if (step.error) {
  say({ type: 'result', subtype: 'success', is_error: true, result: step.error, usage: { input_tokens: 0, output_tokens: 0 } });
  process.exit(1);
}
say({ type: 'assistant', message: { content: [{ type: 'text', text: 'done ' + id }] } });
const usage = step.usage ?? { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
say({ type: 'result', subtype: 'success', is_error: false, result: 'done ' + id, total_cost_usd: usage.cost_usd,
  usage: { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens } });
`,
  );
  chmodSync(join(bin, 'claude'), 0o755);
  return { bin, record };
}

function setup(tasks: PlaybookTask[], script: ClaudeScript, auth: 0 | 1 = 0) {
  const repo = makeRepo();
  const claude = fakeClaude(script, auth);
  const env = { ...process.env, PATH: `${claude.bin}:${process.env['PATH']}` };
  const base = testConfig();
  const run = (overrides: Partial<RunPlaybookInput> = {}, config = {}) =>
    runPlaybook({
      plan: { source: 'plan.md', tasks },
      repo,
      config: {
        ...base,
        concurrency: 1,
        agent: { ...base.agent, preset: 'claude', command: null },
        ...config,
      },
      ports: createExecPorts({ env }),
      env,
      clock: () => new Date('2026-11-20T16:15:00Z'),
      runId: '2026-11-20T09-15-00-0700',
      redactor: createRedactor({ env: {} }),
      ...overrides,
    });
  const recorded = () =>
    existsSync(claude.record) ? readFileSync(claude.record, 'utf8').trim().split('\n') : [];
  return { repo, run, recorded };
}

const usage = (input_tokens: number, output_tokens: number, cost_usd: number) => ({
  input_tokens,
  output_tokens,
  cost_usd,
});

describe('runPlaybook with a preset agent', () => {
  it('runs the agent with playbook.agent.permissions and records its usage per task', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/'])];
    const { repo, run, recorded } = setup(tasks, {
      A: { write: { 'a/a.md': 'A\n' }, usage: usage(100, 20, 0.01) },
      B: { write: { 'b/b.md': 'B\n' }, usage: usage(300, 40, 0.02) },
    });
    const result = await run(
      {},
      { agent: { ...testConfig().agent, preset: 'claude', permissions: 'read-only' } },
    );
    expect(result.succeeded).toBe(true);
    // The configured permissions, not the preset's default `edit`.
    expect(recorded()[0]).toBe(
      'A ["-p","--output-format","stream-json","--verbose","--permission-mode","dontAsk"] read-only',
    );
    expect(result.entries.map((entry) => entry.usage)).toEqual([
      usage(100, 20, 0.01),
      usage(300, 40, 0.02),
    ]);
    expect(result.usage).toEqual(usage(400, 60, 0.03));
    const ledger = readFileSync(join(repo, '.orchestrator', 'ledger.md'), 'utf8');
    expect(ledger).toContain('| pass | 100 in / 20 out tokens, $0.0100 |');
    expect(ledger).toContain('| pass | 300 in / 40 out tokens, $0.0200 |');
  });

  it('stops on a classified agent failure: no debug task, its message as the reason', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/'])];
    const { run, recorded } = setup(tasks, { A: { error: 'Invalid API key · Please run /login' } });
    const events: string[] = [];
    const result = await run({
      onEvent: (event) => {
        if (event.type === 'stop') events.push(event.reason);
      },
    });
    // The one line runAgent's classification gives, with what the CLI said.
    const message =
      'claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY (Invalid API key · Please run /login)';
    expect(result.stopped).toEqual({
      reason: 'terminal-error',
      detail: `terminal agent error in A: ${message}`,
    });
    expect(events).toEqual([`terminal agent error in A: ${message}`]);
    expect(result.entries.map((entry) => [entry.task_id, entry.replan, entry.opened])).toEqual([
      ['A', 'stop', []],
    ]);
    expect(result.unstarted).toEqual(['B']);
    expect(recorded()).toHaveLength(1);
    expect(result.succeeded).toBe(false);
  });

  it('dispatches nothing more once the usage reaches playbook.limits, also on resume', async () => {
    const tasks = [task('A', ['a/']), task('B', ['b/']), task('C', ['c/'])];
    const { run, recorded } = setup(tasks, {
      A: { write: { 'a/a.md': 'A\n' }, usage: usage(600, 100, 0.2) },
      B: { write: { 'b/b.md': 'B\n' }, usage: usage(500, 100, 0.2) },
      C: { write: { 'c/c.md': 'C\n' }, usage: usage(1, 1, 0) },
    });
    const limits = { max_tokens: 1000, max_cost_usd: null };
    const first = await run({}, { limits });
    expect(first.stopped).toEqual({
      reason: 'budget-spent',
      detail: 'budget spent: 1300 tokens used, max_tokens is 1000',
    });
    expect(first.entries.map((entry) => entry.task_id)).toEqual(['A', 'B']);
    expect(first.unstarted).toEqual(['C']);
    expect(first.succeeded).toBe(false);
    // A re-run reads the spent budget from the ledger: C still does not start.
    const again = await run({}, { limits });
    expect(again.stopped).toEqual(first.stopped);
    expect(again.entries).toEqual([]);
    expect(again.usage).toEqual(usage(1100, 200, 0.4));
    expect(recorded().map((line) => line.split(' ')[0])).toEqual(['A', 'B']);
    // The cost limit counts too; a larger budget lets the plan finish.
    const byCost = await run({}, { limits: { max_tokens: null, max_cost_usd: 0.3 } });
    expect(byCost.stopped?.detail).toBe('budget spent: $0.4000 used, max_cost_usd is 0.3');
    const done = await run({}, { limits: { max_tokens: 10_000, max_cost_usd: null } });
    expect(done.stopped).toBeNull();
    expect(done.entries.map((entry) => entry.task_id)).toEqual(['C']);
    expect(done.succeeded).toBe(true);
  });

  it('refuses to start when the agent is not logged in, writing nothing', async () => {
    const tasks = [task('A', ['a/'])];
    const { repo, run, recorded } = setup(tasks, { A: { write: { 'a/a.md': 'A\n' } } }, 1);
    const failure = run();
    await expect(failure).rejects.toBeInstanceOf(OperationError);
    await expect(failure).rejects.toThrow(
      'the playbook cannot start: playbook.agent: claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY',
    );
    expect(existsSync(join(repo, '.orchestrator'))).toBe(false);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(recorded()).toEqual([]);
  });
});
