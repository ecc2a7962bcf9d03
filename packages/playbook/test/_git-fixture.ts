import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PlaybookConfigSchema, type PlaybookConfig } from '@rc/orchestrator-core';

/** Runs git in a directory and returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A real git repository on `main` with the given files committed. */
export function makeRepo(files: Record<string, string> = { 'README.md': '# demo\n' }): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-playbook-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'rc test');
  git(dir, 'config', 'user.email', 'rc@example.test');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

/**
 * What the fake agent does for each task id: files to write (relative to its worktree), text to
 * print, an exit code, a delay, and a commit to make on the main checkout (to move it).
 */
export interface AgentScript {
  [taskId: string]: {
    write?: Record<string, string>;
    print?: string;
    exit?: number;
    sleepMs?: number;
    mainCommit?: Record<string, string>;
    /** Wait (polling the record) until this task's agent has started: progress, not a timer. */
    waitForStart?: string;
  };
}

/**
 * Writes an executable `fake-agent` into a temp bin dir and returns that dir, to put first on
 * PATH. It records `<id> start|end <ms>` lines and the card it read on stdin to `record`.
 */
export function fakeAgent(script: AgentScript, repo: string): { bin: string; record: string } {
  const bin = mkdtempSync(join(tmpdir(), 'rc-agent-'));
  const record = join(bin, 'record.log');
  writeFileSync(join(bin, 'script.json'), JSON.stringify(script));
  writeFileSync(
    join(bin, 'fake-agent'),
    `#!/usr/bin/env node
const fs = require('node:fs'), path = require('node:path'), cp = require('node:child_process');
const id = process.env.RC_TASK_ID;
const step = JSON.parse(fs.readFileSync(${JSON.stringify(join(bin, 'script.json'))}, 'utf8'))[id] ?? {};
const card = fs.readFileSync(0, 'utf8');
fs.appendFileSync(${JSON.stringify(record)}, id + ' start ' + Date.now() + ' ' + JSON.stringify(card.split('\\n')[0]) + '\\n');
const started = (other) => fs.readFileSync(${JSON.stringify(record)}, 'utf8').split('\\n').some((line) => line.startsWith(other + ' start '));
const go = () => {
  for (const [file, text] of Object.entries(step.write ?? {})) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  for (const [file, text] of Object.entries(step.mainCommit ?? {})) {
    fs.writeFileSync(path.join(${JSON.stringify(repo)}, file), text);
    cp.execFileSync('git', ['-C', ${JSON.stringify(repo)}, 'commit', '-qam', 'moved on']);
  }
  if (step.print) console.log(step.print);
  fs.appendFileSync(${JSON.stringify(record)}, id + ' end ' + Date.now() + '\\n');
  process.exit(step.exit ?? 0);
};
const poll = () => (step.waitForStart && !started(step.waitForStart) ? setTimeout(poll, 20) : setTimeout(go, step.sleepMs ?? 0));
poll();
`,
  );
  chmodSync(join(bin, 'fake-agent'), 0o755);
  return { bin, record };
}

/** The playbook config for tests: the fake agent, overrides on top of the defaults. */
export function testConfig(overrides: Partial<PlaybookConfig> = {}): PlaybookConfig {
  const defaults = PlaybookConfigSchema.parse({});
  return {
    ...defaults,
    agent: { preset: 'custom', command: 'fake-agent', timeout_ms: 20_000, permissions: 'edit' },
    ...overrides,
    replan: { ...defaults.replan, ...overrides.replan },
  };
}
