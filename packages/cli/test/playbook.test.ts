import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterConfigLine, repoRoot, runRc } from './_harness';
import { tempDir } from './_temp-dir';
import { rcBin } from './loop-fixture';

const plan = join(repoRoot, 'examples/playbook/master-plan.md');
const agent = `node ${join(repoRoot, 'examples/playbook/scripted-agent.mjs')}`;
const env = { PATH: process.env['PATH'] ?? '', SCRIPTED_AGENT_DELAY_MS: '50' };

function gitRepo(): string {
  const dir = tempDir('rc-cli-playbook-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'rc test');
  git('config', 'user.email', 'rc@example.test');
  copyFileSync(plan, join(dir, 'master-plan.md'));
  git('add', '-A');
  git('commit', '-q', '-m', 'plan');
  return dir;
}

describe('rc playbook plan', () => {
  it('prints the schedule as a table, JSON, mermaid and a GitHub matrix', async () => {
    const table = await runRc(['playbook', 'plan', plan, '--concurrency', '2']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('4 tasks, 2 at a time, 2 steps');
    expect(table.stdout).toMatch(/1 +0 +1 +P1-CORE-01/);
    const json = JSON.parse((await runRc(['playbook', 'plan', plan, '--format', 'json'])).stdout);
    expect(json.tasks.map((task: { id: string; wave: number }) => [task.id, task.wave])).toEqual([
      ['P1-CORE-01', 1],
      ['P1-DOC-01', 1],
      ['P1-QA-01', 2],
      ['P1-UI-01', 2],
    ]);
    expect((await runRc(['playbook', 'plan', plan, '--format', 'mermaid'])).stdout).toMatch(
      /^flowchart LR/,
    );
    const matrix = JSON.parse(
      (await runRc(['playbook', 'plan', plan, '--format', 'github-matrix'])).stdout,
    );
    expect(matrix.include).toHaveLength(4);
  });

  it('exits 2 naming the line of a bad plan, and for a bad --concurrency', async () => {
    const dir = tempDir('rc-cli-plan-');
    writeFileSync(
      join(dir, 'bad.md'),
      '| Branch ID | Scope | Dependencies |\n|---|---|---|\n| A | a/ | B |\n',
    );
    const bad = await runRc(['playbook', 'plan', 'bad.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.md:3: task "A" depends on unknown task "B"');
    expect((await runRc(['playbook', 'plan', plan, '--concurrency', '0'])).code).toBe(2);
    expect((await runRc(['playbook', 'plan', 'missing.md'], { cwd: dir })).stderr).toContain(
      'cannot read master plan',
    );
  });
});

describe('rc playbook run, ledger and init', () => {
  it('prints text lines with durations when asked, and a heartbeat while a task runs off a terminal', async () => {
    const dir = gitRepo();
    const release = join(dir, '.git', 'release');
    const waiting = join(dir, '.git', 'waiting-agent.sh');
    writeFileSync(waiting, `#!/bin/sh\nwhile [ ! -e '${release}' ]; do sleep 0.01; done\n`);
    chmodSync(waiting, 0o755);
    const child = spawn(
      process.execPath,
      [
        rcBin,
        'playbook',
        'run',
        'master-plan.md',
        '--task',
        'P1-DOC-01',
        '--agent',
        waiting,
        '--heartbeat',
        '0.05',
        '--log-format',
        'text',
      ],
      { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    // The agent is released once a heartbeat has been seen: no guess at how long that takes.
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('rc playbook: still running: P1-DOC-01 ')) writeFileSync(release, '');
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    const lines = afterConfigLine(stderr).trim().split('\n');
    expect(lines[0]).toBe('start  P1-DOC-01 on rc/P1-DOC-01, log .orchestrator/logs/P1-DOC-01.log');
    expect(lines[1]).toMatch(/^rc playbook: still running: P1-DOC-01 \d+\.\ds$/);
    expect(lines.find((line) => line.startsWith('fail   P1-DOC-01: '))).toMatch(
      / \((\d+\.\ds|\d+m\d\ds)\)$/,
    );
  });

  it('runs the example plan two at a time with the scripted agent and renders the ledger', async () => {
    const dir = gitRepo();
    const run = await runRc(
      ['playbook', 'run', 'master-plan.md', '--agent', agent, '--concurrency', '2', '--json'],
      { cwd: dir, env },
    );
    expect(run.code).toBe(0);
    // Not a terminal: every progress line is one JSON object, each result with its duration.
    const events = run.stderr
      .trim()
      .split('\n')
      // Only `rc: ` messages (errors, notices) and the `rc config: ` line stay text.
      .filter((line) => !line.startsWith('rc: ') && !line.startsWith('rc config: '))
      .map((line) => JSON.parse(line));
    expect(events.find((event) => event.event === 'task_start')).toMatchObject({
      msg: expect.stringMatching(/^start {2}P1-CORE-01 on rc\/P1-CORE-01, log /),
      task: 'P1-CORE-01',
      log: '.orchestrator/logs/P1-CORE-01.log',
    });
    const finished = events.filter((event) => event.event === 'task_finish');
    expect(finished).toHaveLength(4);
    expect(finished[0]).toMatchObject({
      result: 'pass',
      merge: 'merged',
      duration_ms: expect.any(Number),
      msg: expect.stringMatching(/^pass {3}P1-\S+: .* \(\d+\.\ds\)$/),
    });
    const result = JSON.parse(run.stdout);
    expect(result.succeeded).toBe(true);
    expect(
      result.entries.map((entry: { task_id: string; result: string }) => entry.result),
    ).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(result.ledger).toBe('.orchestrator/ledger.ndjson');
    expect(existsSync(join(dir, 'src/ui/settings-page.mjs'))).toBe(true);
    expect(readFileSync(join(dir, '.orchestrator/logs/P1-DOC-01.log'), 'utf8')).toContain(
      '[scripted agent] wrote docs/settings.md',
    );

    const ledger = await runRc(['playbook', 'ledger'], { cwd: dir });
    expect(ledger.stdout).toContain(
      '| Task ID | Run | Owner Skill | Evidence | Result | Usage | Next Action |',
    );
    expect(ledger.stdout).toContain(
      `| P1-QA-01 | ${result.run_id} | qa-test-engineer | diff\\: 1 file changed, 3 insertions(+); checks 1/1 passed | pass |`,
    );

    const other = tempDir('rc-cli-runner-');
    const line = JSON.parse(
      readFileSync(join(dir, '.orchestrator/ledger.ndjson'), 'utf8').split('\n')[0] as string,
    );
    writeFileSync(
      join(other, 'ledger.ndjson'),
      `${JSON.stringify({ ...line, task_id: 'P2-X', runner: 'runner-2' })}\n`,
    );
    const merged = await runRc(['playbook', 'ledger', '--merge', other, '--format', 'json'], {
      cwd: dir,
    });
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toHaveLength(5);
    expect(readFileSync(join(dir, '.orchestrator/ledger.md'), 'utf8')).toContain('| P2-X |');
    expect(
      (await runRc(['playbook', 'ledger', '--merge', join(other, 'nothing')], { cwd: dir })).code,
    ).toBe(2);

    const text = await runRc(
      ['playbook', 'run', 'master-plan.md', '--agent', agent, '--task', 'P1-DOC-01'],
      { cwd: dir, env },
    );
    expect(text.stderr).toMatch(/skip {3}P1-DOC-01: merged as [0-9a-f]{12} by an earlier run/);
    expect(text.stdout).toContain('every task already passed and merged; nothing to do');
    expect(text.code).toBe(0);

    // Re-running the fully passed plan does nothing and says so; status agrees.
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' });
    const again = await runRc(['playbook', 'run', 'master-plan.md', '--agent', agent], {
      cwd: dir,
      env,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^playbook master-plan\.md \(plan [0-9a-f]{16}\): every task already passed and merged; nothing to do/,
    );
    expect(again.stderr).not.toContain('start ');
    expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' })).toBe(head);
    const status = await runRc(['playbook', 'status', 'master-plan.md'], { cwd: dir });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('4/4 tasks merged; a run would do nothing');
    expect(status.stdout).toMatch(/P1-QA-01 +merged +[0-9a-f]{12} +\d{4}-/);
    const json = JSON.parse(
      (await runRc(['playbook', 'status', 'master-plan.md', '--json'], { cwd: dir })).stdout,
    );
    expect(json.complete).toBe(true);
  });

  it('exits 2 before running anything when the agent is not installed, naming the fix', async () => {
    const dir = gitRepo();
    // PATH has git and node (the checks) but no codex.
    const bin = tempDir('rc-cli-path-');
    for (const tool of ['git', 'node'])
      symlinkSync(
        execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(),
        join(bin, tool),
      );
    const missing = await runRc(['playbook', 'run', 'master-plan.md', '--agent', 'codex'], {
      cwd: dir,
      env: { PATH: bin },
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'agent: "codex" was not found on PATH: install it (npm install -g @openai/codex), or pass --agent',
    );
    expect(missing.stderr).not.toContain('rca');
    expect(existsSync(join(dir, '.orchestrator'))).toBe(false);
    expect(execFileSync('git', ['branch', '--list', 'rc/*'], { cwd: dir, encoding: 'utf8' })).toBe(
      '',
    );
  });

  it('exits 1 when the agent is not logged in and 4 once its usage reaches playbook.limits', async () => {
    const dir = gitRepo();
    // A fake claude: `auth status` as FAKE_AUTH says; a run prints stream-json with usage.
    const bin = tempDir('rc-cli-claude-');
    writeFileSync(
      join(bin, 'claude'),
      `#!/usr/bin/env node
if (process.argv[2] === 'auth') process.exit(Number(process.env.FAKE_AUTH));
require('node:fs').readFileSync(0);
console.log(JSON.stringify({ type: 'result', subtype: 'success', is_error: false, result: 'done',
  total_cost_usd: 0.5, usage: { input_tokens: 900, output_tokens: 200 } }));
`,
      { mode: 0o755 },
    );
    mkdirSync(join(dir, 'cfg'));
    writeFileSync(
      join(dir, 'cfg/orchestration.yaml'),
      'playbook:\n  limits:\n    max_tokens: 1000\n',
    );
    const args = ['playbook', 'run', 'master-plan.md', '--agent', 'claude', '--concurrency', '1'];
    const path = `${bin}:${env.PATH}`;
    const loggedOut = await runRc([...args, '--config', 'cfg/orchestration.yaml'], {
      cwd: dir,
      env: { PATH: path, FAKE_AUTH: '1' },
    });
    expect(loggedOut.code).toBe(1);
    expect(loggedOut.stderr).toContain(
      'the playbook cannot start: playbook.agent: claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY',
    );
    expect(existsSync(join(dir, '.orchestrator'))).toBe(false);
    expect(existsSync(join(dir, 'cfg/.orchestrator'))).toBe(false);

    const spent = await runRc([...args, '--config', 'cfg/orchestration.yaml', '--json'], {
      cwd: dir,
      env: { PATH: path, FAKE_AUTH: '0' },
    });
    expect(spent.code, spent.stderr).toBe(4);
    expect(spent.stderr).toContain('budget spent: 1100 tokens used, max_tokens is 1000');
    const result = JSON.parse(spent.stdout);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0].usage).toEqual({
      input_tokens: 900,
      output_tokens: 200,
      cost_usd: 0.5,
    });
    expect(result.usage).toEqual({ input_tokens: 900, output_tokens: 200, cost_usd: 0.5 });
    // playbook.state_dir (.orchestrator) is relative to the config file, as every path in it.
    expect(existsSync(join(dir, '.orchestrator'))).toBe(false);
    expect(readFileSync(join(dir, 'cfg/.orchestrator/ledger.md'), 'utf8')).toContain(
      '900 in / 200 out tokens, $0.5000',
    );
  });

  it('exits 130 when interrupted and 2 for a bad run id or a custom preset without a command', async () => {
    const dir = gitRepo();
    const controller = new AbortController();
    controller.abort();
    const stopped = await runRc(['playbook', 'run', 'master-plan.md', '--agent', agent], {
      cwd: dir,
      env,
      signal: controller.signal,
    });
    expect(stopped.code).toBe(130);
    expect(
      (
        await runRc(['playbook', 'run', 'master-plan.md', '--agent', agent, '--run-id', 'x'], {
          cwd: dir,
        })
      ).code,
    ).toBe(2);
    mkdirSync(join(dir, 'cfg'));
    writeFileSync(join(dir, 'cfg/orchestration.yaml'), 'playbook:\n  agent:\n    preset: custom\n');
    const custom = await runRc(
      ['playbook', 'run', 'master-plan.md', '--config', 'cfg/orchestration.yaml'],
      { cwd: dir },
    );
    expect(custom.code).toBe(2);
    expect(custom.stderr).toContain('playbook.agent.command: required');
  });

  it('writes the templates once, and again only with --force', async () => {
    const dir = tempDir('rc-cli-init-');
    const first = await runRc(['playbook', 'init', '--dir', 'tpl'], { cwd: dir });
    expect(first.stdout).toBe(
      ['dispatch-ticket.md', 'evidence-ledger.md', 'execution-card.md', 'master-plan.md']
        .map((name) => `wrote tpl/${name}\n`)
        .join(''),
    );
    expect(readFileSync(join(dir, 'tpl/master-plan.md'), 'utf8')).toContain(
      '| Branch ID | Objective | Owner Skill | Dependencies | Done Criteria | Scope | Checks |',
    );
    expect((await runRc(['playbook', 'init', '--dir', 'tpl'], { cwd: dir })).code).toBe(1);
    expect((await runRc(['playbook', 'init', '--dir', 'tpl', '--force'], { cwd: dir })).code).toBe(
      0,
    );
  });

  it('has help with an example', async () => {
    const help = await runRc(['playbook', 'run', '--help']);
    expect(help.stdout).toContain('rc playbook run plan.md --concurrency 2 --agent codex');
  });
});
