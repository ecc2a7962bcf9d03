import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PlaybookConfigSchema, type PlaybookConfig } from '@rc/orchestrator-core';
import { onTestFinished } from 'vitest';

/** A fresh temp directory, removed when the test that made it finishes, passed or failed. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}

/** Runs git in a directory and returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A real git repository on `main` with the given files committed. */
export function makeRepo(files: Record<string, string> = { 'README.md': '# demo\n' }): string {
  const dir = tempDir('rc-playbook-');
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
    /**
     * A barrier: write "arrived" to the named barrier file and go on only once `parties` arrivals
     * are there, so finishing proves that many agents ran at once. An agent that waits longer
     * than `BARRIER_GIVE_UP_MS` exits 3 instead of hanging the run.
     */
    barrier?: { name: string; parties: number };
  };
}

/** How long a fake agent waits at a barrier before it gives up (fails), never for a result. */
const BARRIER_GIVE_UP_MS = 30_000;

/**
 * Writes an executable `fake-agent` into a temp bin dir and returns that dir, to put first on
 * PATH. It appends `<id> start|end` lines, in the order things happen, and the card it read on
 * stdin to `record`.
 */
export function fakeAgent(script: AgentScript, repo: string): { bin: string; record: string } {
  const bin = tempDir('rc-agent-');
  const record = join(bin, 'record.log');
  writeFileSync(join(bin, 'script.json'), JSON.stringify(script));
  writeFileSync(
    join(bin, 'fake-agent'),
    `#!/usr/bin/env node
const fs = require('node:fs'), path = require('node:path'), cp = require('node:child_process');
const id = process.env.RC_TASK_ID;
const step = JSON.parse(fs.readFileSync(${JSON.stringify(join(bin, 'script.json'))}, 'utf8'))[id] ?? {};
const card = fs.readFileSync(0, 'utf8');
fs.appendFileSync(${JSON.stringify(record)}, id + ' start ' + JSON.stringify(card.split('\\n')[0]) + '\\n');
const started = (other) => fs.readFileSync(${JSON.stringify(record)}, 'utf8').split('\\n').some((line) => line.startsWith(other + ' start '));
const arrivals = (name) => { try { return fs.readFileSync(path.join(${JSON.stringify(bin)}, 'barrier-' + name), 'utf8').split('\\n').filter(Boolean).length; } catch { return 0; } };
if (step.barrier) fs.appendFileSync(path.join(${JSON.stringify(bin)}, 'barrier-' + step.barrier.name), 'arrived\\n');
const arrivedAt = Date.now();
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
  fs.appendFileSync(${JSON.stringify(record)}, id + ' end\\n');
  process.exit(step.exit ?? 0);
};
const waiting = () => (step.waitForStart && !started(step.waitForStart)) || (step.barrier && arrivals(step.barrier.name) < step.barrier.parties);
const poll = () => {
  if (!waiting()) return setTimeout(go, step.sleepMs ?? 0);
  if (Date.now() - arrivedAt > ${BARRIER_GIVE_UP_MS}) {
    fs.appendFileSync(${JSON.stringify(record)}, id + ' gave up waiting\\n');
    process.exit(3);
  }
  setTimeout(poll, 20);
};
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
