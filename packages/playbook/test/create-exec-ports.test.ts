import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentBackend } from '../src/agent-invocation';
import { createExecPorts } from '../src/create-exec-ports';
import { tempDir } from './_git-fixture';

const dir = () => tempDir('rc-ports-');
// A custom agent: the command template split into words, the card on stdin.
const custom = (command: string) => agentBackend({ preset: 'custom', command });
const emptyCard = (cwd: string) => {
  writeFileSync(join(cwd, 'empty.md'), '');
  return join(cwd, 'empty.md');
};
const ports = createExecPorts({ env: { PATH: process.env['PATH'] ?? '' }, killGraceMs: 200 });

describe('createExecPorts', () => {
  it('pipes the card to the agent and appends its output after the header', async () => {
    const cwd = dir();
    const card = join(cwd, 'card.md');
    const logFile = join(cwd, 'logs', 'T.log');
    writeFileSync(card, '## card\n');
    const run = (command: string) =>
      ports.runAgent({
        backend: custom(command),
        promptFile: card,
        cwd,
        env: { RC_TASK_ID: 'T' },
        timeoutMs: 10_000,
        logFile,
      });
    const ok = await run(`sh -c 'cat; echo "task $RC_TASK_ID"'`);
    expect(ok).toEqual({
      exitCode: 0,
      stdout: '## card\ntask T\n',
      stderr: '',
      timedOut: false,
      aborted: false,
      // A custom agent prints text: no usage, its last line is its final message.
      usage: null,
      finalMessage: 'task T',
      failure: null,
    });
    // stderr lands in the same transcript and tail (separate runs: the two pipes may race).
    const failed = await run(`sh -c 'echo oops >&2; exit 4'`);
    expect(failed).toMatchObject({
      exitCode: 4,
      stdout: 'oops\n',
      timedOut: false,
      aborted: false,
    });
    expect(readFileSync(logFile, 'utf8')).toBe('## card\ntask T\noops\n');
  });

  it('reports a missing agent as exit 127 and says so in the log', async () => {
    const cwd = dir();
    const logFile = join(cwd, 'T.log');
    writeFileSync(logFile, '# header\n');
    const result = await ports.runAgent({
      backend: custom('rc-no-such-agent'),
      promptFile: emptyCard(cwd),
      cwd,
      env: {},
      timeoutMs: 10_000,
      logFile,
    });
    expect(result).toMatchObject({ exitCode: 127, timedOut: false, aborted: false });
    expect(result.stderr).toContain('rc-no-such-agent: command not found');
    expect(readFileSync(logFile, 'utf8')).toMatch(/^# header\nrc-no-such-agent: command not found/);
  });

  it('stops an agent on timeout, and one that goes silent with agentIdleTimeoutMs', async () => {
    const cwd = dir();
    const request = {
      backend: custom(`sh -c 'echo started; sleep 5'`),
      promptFile: emptyCard(cwd),
      cwd,
      env: {},
      logFile: join(cwd, 'a.log'),
    };
    const slow = await ports.runAgent({ ...request, timeoutMs: 300 });
    expect(slow).toMatchObject({ exitCode: null, timedOut: true, aborted: false });
    expect(slow.stdout).toBe('started\n');
    const idle = createExecPorts({
      env: { PATH: process.env['PATH'] ?? '' },
      agentIdleTimeoutMs: 300,
    });
    expect(await idle.runAgent({ ...request, timeoutMs: 10_000 })).toMatchObject({
      exitCode: null,
      timedOut: true,
    });
  });

  it('stops an agent and a check on abort', async () => {
    const cwd = dir();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const agent = await ports.runAgent({
      backend: custom('sleep 5'),
      promptFile: emptyCard(cwd),
      cwd,
      env: {},
      timeoutMs: 10_000,
      logFile: join(cwd, 'a.log'),
      signal: controller.signal,
    });
    expect(agent).toMatchObject({ exitCode: null, timedOut: false, aborted: true });
    const check = await ports.runCheck({
      command: 'sleep 5',
      cwd,
      logFile: join(cwd, 'a.log'),
      signal: controller.signal,
    });
    expect(check).toMatchObject({ exitCode: null, aborted: true });
  });

  it('runs a check through sh and appends command, output and exit to the task log', async () => {
    const cwd = dir();
    const logFile = join(cwd, 'T.log');
    writeFileSync(logFile, 'agent said hi\n');
    const pass = await ports.runCheck({ command: 'echo one >&2', cwd, logFile });
    expect(pass).toMatchObject({ exitCode: 0, stdout: 'one\n', stderr: '' });
    const fail = await ports.runCheck({ command: 'echo bad; exit 3', cwd, logFile });
    expect(fail).toMatchObject({ exitCode: 3, stdout: 'bad\n' });
    expect(readFileSync(logFile, 'utf8')).toBe(
      'agent said hi\n\n$ echo one >&2\none\n# sh exited 0\n\n$ echo bad; exit 3\nbad\n# sh exited 3\n',
    );
  });

  it('runs git without a prompt and never throws for a bad exit', async () => {
    const cwd = dir();
    const bad = await ports.git(['rev-parse', '--is-inside-work-tree'], cwd);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('not a git repository');
    const ok = await ports.git(['--version'], cwd);
    expect(ok).toMatchObject({ exitCode: 0, timedOut: false, aborted: false });
    expect(ok.stdout).toMatch(/^git version /);
  });
});

describe('createExecPorts git', () => {
  it('runs git calls one at a time, in the order asked, so worktrees never race', async () => {
    const repo = tempDir('rc-git-turns-');
    const ports = createExecPorts({ env: { PATH: process.env['PATH'] ?? '', HOME: repo } });
    await ports.git(['init', '-q', '-b', 'main'], repo);
    await ports.git(
      [
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.invalid',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        'base',
      ],
      repo,
    );
    const adds = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        ports.git(['worktree', 'add', '-q', '-b', `w${i}`, join(repo, 'wt', `w${i}`)], repo),
      ),
    );
    expect(adds.map((result) => result.exitCode)).toEqual([0, 0, 0, 0, 0, 0]);
    const list = await ports.git(['worktree', 'list', '--porcelain'], repo);
    expect(list.stdout.match(/^worktree /gm)).toHaveLength(7);
  });
});
