import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '@rc/orchestrator-core';
import { runCommand } from '../src/run-command';
import { removeDir, script, tempDir } from './_fixtures';

let dir: string;
let n = 0;
const log = () => join(dir, 'logs', `${++n}.log`);
const env = () => ({ PATH: process.env.PATH ?? '' });
// A zombie (killed, not yet reaped by a container's init) counts as dead.
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

// Processes a test let escape rc's process group (setsid): their pids, to stop them afterwards.
const escapedPidFiles: string[] = [];
const stopEscaped = async () => {
  for (const file of escapedPidFiles.splice(0)) {
    const pid = Number(await readFile(file, 'utf8').catch(() => ''));
    if (!pid) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};
// Fails a test in seconds instead of hanging it when runCommand never returns.
const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`runCommand had not returned after ${ms} ms`)), ms).unref(),
    ),
  ]);
/** A script that leaves a process in a new session holding stdout open, its pid in `pidFile`. */
const escaping = (pidFile: string, then: string) =>
  `setsid bash -c 'echo $$ > "${pidFile}"; while true; do sleep 1; done' &\n` +
  `while [ ! -s "${pidFile}" ]; do sleep 0.01; done\necho started\n${then}`;

const waitFor = async (ready: () => boolean) => {
  for (let tries = 0; !ready(); tries++) {
    if (tries > 500) throw new Error('condition not reached in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

beforeAll(async () => {
  dir = await tempDir('run');
});
afterAll(async () => {
  await stopEscaped();
  await removeDir(dir);
});

describe('runCommand', () => {
  it('keeps secrets out of the transcript and the tail, line by line, however they are split', async () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const agent = await script(
      join(dir, 'leak.sh'),
      // The secret arrives in two writes, the token in the middle of a long line, and on stderr.
      'printf "key=super-secr"; sleep 0.05; printf "et-value-123 done\\n"; ' +
        `printf '%s\\n' "$(head -c 70000 /dev/zero | tr '\\0' x)${token}"; echo "$API_KEY" >&2`,
    );
    const logFile = log();
    const result = await runCommand({
      file: agent,
      cwd: dir,
      env: { ...env(), API_KEY: 'super-secret-value-123' },
      logFile,
    });
    expect(result.outcome).toBe('success');
    const text = await readFile(logFile, 'utf8');
    expect(text).not.toContain('super-secret-value-123');
    expect(text).not.toContain(token);
    expect(text).toContain('key=***');
    expect(text).toContain('done');
    expect(result.tail).not.toContain('super-secret');
  });

  it('holds back enough for a secret only its redactor knows, not the environment', async () => {
    // A 5,000-character secret given to the redactor explicitly, split by the 64 KiB pipe read;
    // its dashes end every word run, so only the secret's own length can hold it back.
    const secret = `BEGIN-${'k-'.repeat(2500)}END`;
    const agent = await script(
      join(dir, 'explicit.sh'),
      `printf '%s %s tail\\n' "$(head -c 63000 /dev/zero | tr '\\0' x)" "$PAYLOAD"`,
    );
    const logFile = log();
    const result = await runCommand({
      file: agent,
      cwd: dir,
      // Named so that no env-derived bound would count it.
      env: { ...env(), PAYLOAD: secret },
      redactor: createRedactor({ env: {}, secrets: [secret] }),
      logFile,
    });
    expect(result.outcome).toBe('success');
    const text = await readFile(logFile, 'utf8');
    expect(text).not.toContain('BEGIN-k');
    expect(text).not.toContain('k-END');
    expect(text).toContain('*** tail');
  });

  it('pipes the prompt file to stdin and streams output to the log', async () => {
    const prompt = join(dir, 'prompt.md');
    await writeFile(prompt, 'do the thing\n');
    const agent = await script(join(dir, 'echo.sh'), 'echo "argv: $*"; cat; echo err >&2');
    const logFile = log();
    const result = await runCommand({
      file: agent,
      args: ['-x'],
      cwd: dir,
      env: env(),
      stdinFile: prompt,
      logFile,
    });
    expect(result).toMatchObject({ outcome: 'success', exitCode: 0, signal: null });
    const text = await readFile(logFile, 'utf8');
    expect(text).toContain('argv: -x');
    expect(text).toContain('do the thing');
    expect(text).toContain('err');
    expect(result.tail).toBe(text);
    expect(result.message).toMatch(/exited 0$/);
  });

  it('classifies a non-zero exit as failure with its code', async () => {
    const result = await runCommand({
      file: 'sh',
      args: ['-c', 'exit 7'],
      cwd: dir,
      logFile: log(),
    });
    expect(result).toMatchObject({ outcome: 'failure', exitCode: 7 });
    expect(result.message).toContain('exited 7');
  });

  it('reports a missing executable as not_found', async () => {
    const result = await runCommand({
      file: 'rc-no-such-agent',
      cwd: dir,
      env: env(),
      logFile: log(),
    });
    expect(result.outcome).toBe('not_found');
    expect(result.message).toContain('command not found');
  });

  it('kills the whole process tree on timeout', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const result = await runCommand({
      file: 'sh',
      args: ['-c', `sleep 30 & echo $! > ${pidFile}; echo started; wait`],
      cwd: dir,
      logFile: log(),
      timeoutMs: 300,
      killGraceMs: 200,
    });
    expect(result.outcome).toBe('timeout');
    expect(result.message).toContain('longer than 300 ms');
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('stops a silent command on idle timeout, but not one that keeps printing', async () => {
    const silent = await runCommand({
      file: 'sh',
      args: ['-c', 'echo hi; sleep 5'],
      cwd: dir,
      logFile: log(),
      idleTimeoutMs: 250,
    });
    expect(silent.outcome).toBe('idle_timeout');
    expect(silent.message).toContain('printed nothing for 250 ms');
    const chatty = await runCommand({
      file: 'sh',
      args: ['-c', 'for i in 1 2 3 4 5 6; do echo $i; sleep 0.1; done'],
      cwd: dir,
      logFile: log(),
      idleTimeoutMs: 400,
    });
    expect(chatty.outcome).toBe('success');
  });

  it('stops on abort and says killed', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const result = await runCommand({
      file: 'sh',
      args: ['-c', 'sleep 5'],
      cwd: dir,
      logFile: log(),
      signal: controller.signal,
    });
    expect(result.outcome).toBe('killed');
    expect(result.message).toContain('stopped by');
    const already = await runCommand({
      file: 'sh',
      args: ['-c', 'sleep 5'],
      cwd: dir,
      logFile: log(),
      signal: controller.signal,
    });
    expect(already.outcome).toBe('killed');
  });

  it('says killed when something else kills the command', async () => {
    const result = await runCommand({
      file: 'sh',
      args: ['-c', 'kill -9 $$'],
      cwd: dir,
      logFile: log(),
    });
    expect(result).toMatchObject({ outcome: 'killed', signal: 'SIGKILL' });
  });

  it('finds watched whole lines, also split across chunks and at the very end', async () => {
    const result = await runCommand({
      file: 'sh',
      args: ['-c', 'printf "say RC_DONE later\\nRC_"; sleep 0.05; printf "DONE\\n  ROUTE  "'],
      cwd: dir,
      logFile: log(),
      watchLines: ['RC_DONE', 'ROUTE', 'NEVER'],
      tailChars: 6,
    });
    expect(result.seenLines.sort()).toEqual(['RC_DONE', 'ROUTE']);
    expect(result.tail).toBe('OUTE  ');
  });

  it('does not count a marker inside a longer line', async () => {
    const result = await runCommand({
      file: 'sh',
      args: ['-c', 'echo "print RC_DONE when done"'],
      cwd: dir,
      logFile: log(),
      watchLines: ['RC_DONE'],
    });
    expect(result.seenLines).toEqual([]);
  });

  it('never overwrites an existing transcript', async () => {
    const logFile = log();
    await runCommand({ file: 'sh', args: ['-c', 'echo first'], cwd: dir, logFile });
    await expect(
      runCommand({ file: 'sh', args: ['-c', 'echo second'], cwd: dir, logFile }),
    ).rejects.toThrow(/EEXIST/);
    expect(await readFile(logFile, 'utf8')).toBe('first\n');
  });

  it('appends to an existing transcript with appendLog, and creates a missing one', async () => {
    const logFile = log();
    const first = await runCommand({
      file: 'sh',
      args: ['-c', 'echo first'],
      cwd: dir,
      logFile,
      appendLog: true,
    });
    expect(first.outcome).toBe('success');
    const second = await runCommand({
      file: 'sh',
      args: ['-c', 'echo second >&2; exit 3'],
      cwd: dir,
      logFile,
      appendLog: true,
    });
    expect(second).toMatchObject({ outcome: 'failure', exitCode: 3, tail: 'second\n' });
    expect(await readFile(logFile, 'utf8')).toBe('first\nsecond\n');
  });

  describe('when a descendant escapes the process group and holds the output open', () => {
    afterEach(stopEscaped);

    it('ends when the command exits, cuts the output and says how many processes held it', async () => {
      const pidFile = join(dir, 'escaped-exit.pid');
      escapedPidFiles.push(pidFile);
      const agent = await script(join(dir, 'escape-exit.sh'), escaping(pidFile, 'exit 0'));
      const logFile = log();
      const result = await within(
        10_000,
        runCommand({ file: agent, cwd: dir, env: env(), logFile, outputGraceMs: 200 }),
      );
      expect(result.outcome).toBe('success');
      // The escaped shell, and its `sleep` when caught in one.
      expect([1, 2]).toContain(result.heldOpenBy);
      const note = `${result.heldOpenBy} descendant process(es) still held the output open after it exited; their output was cut`;
      expect(result.message).toBe(`${agent} exited 0; ${note}`);
      expect(await readFile(logFile, 'utf8')).toBe(`started\n# rc: ${note}\n`);
      // rc leaves alone what escaped its process group; the test stops it.
      expect(alive(Number(await readFile(pidFile, 'utf8')))).toBe(true);
    });

    it.each([
      ['timeout', { timeoutMs: 500 }, 'ran longer than 500 ms'],
      ['idle_timeout', { idleTimeoutMs: 500 }, 'printed nothing for 500 ms'],
    ] as const)('still stops a command that hangs itself, on %s', async (outcome, limits, said) => {
      const pidFile = join(dir, `escaped-${outcome}.pid`);
      escapedPidFiles.push(pidFile);
      const hangPid = join(dir, `hang-${outcome}.pid`);
      const agent = await script(
        join(dir, `escape-${outcome}.sh`),
        escaping(pidFile, `sleep 30 & echo $! > "${hangPid}"; wait`),
      );
      const result = await within(
        10_000,
        runCommand({
          file: agent,
          cwd: dir,
          env: env(),
          logFile: log(),
          outputGraceMs: 200,
          killGraceMs: 200,
          ...limits,
        }),
      );
      expect(result.outcome).toBe(outcome);
      expect(result.message).toContain(said);
      expect(result.message).toMatch(/; [12] descendant process\(es\) still held the output open/);
      // The command's own process group is gone; only the escaped process is left.
      const hung = Number(await readFile(hangPid, 'utf8'));
      await waitFor(() => !alive(hung));
    });
  });
});
