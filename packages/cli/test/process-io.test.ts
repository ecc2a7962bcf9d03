import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { InterruptedError } from '@rc/orchestrator-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { processIo, type ProcessLike } from '../src/process-io';

/** A process of our own making: streams, env, cwd, signals as events, exit codes recorded. */
function fakeProcess(stdin = '') {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const input = Object.assign(Readable.from([Buffer.from(stdin)]), { isTTY: false });
  const proc = {
    on: emitter.on.bind(emitter),
    exit: (code?: number) => void exits.push(code ?? 0),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdin: input,
    env: { RC_PROBE: 'yes' },
    cwd: () => '/somewhere',
  } as unknown as ProcessLike;
  return { proc, exits, signal: (name: string) => emitter.emit(name) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('processIo', () => {
  it("wires the given process's streams, environment, directory and stdin, and the clock", async () => {
    const { proc } = fakeProcess('event json');
    const io = processIo({ process: proc });
    expect(io.stdout).toBe(proc.stdout);
    expect(io.stderr).toBe(proc.stderr);
    expect(io.env).toBe(proc.env);
    expect(io.cwd).toBe('/somewhere');
    expect(await io.readStdin()).toBe('event json');
    const before = Date.now();
    const now = io.clock().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('reads no stdin from a terminal', async () => {
    const { proc } = fakeProcess();
    Object.assign(proc.stdin, { isTTY: true });
    expect(await processIo({ process: proc }).readStdin()).toBeNull();
  });

  it('writes straight to file descriptors 1 and 2 when asked (the plan does)', () => {
    const { proc } = fakeProcess();
    const io = processIo({ direct: true, process: proc });
    expect(io.stdout).not.toBe(proc.stdout);
    expect(io.stderr).not.toBe(proc.stderr);
    expect(typeof io.stdout.write).toBe('function');
  });

  it.each(['SIGINT', 'SIGTERM'])(
    'aborts on %s, exits 130 on a second signal, and after the grace period otherwise',
    (name) => {
      vi.useFakeTimers();
      const { proc, exits, signal } = fakeProcess();
      const io = processIo({ process: proc });
      expect(io.signal.aborted).toBe(false);
      signal(name);
      expect(io.signal.aborted).toBe(true);
      expect(io.signal.reason).toBeInstanceOf(InterruptedError);
      expect((io.signal.reason as Error).message).toBe(`interrupted by ${name}`);
      expect(exits).toEqual([]);
      vi.advanceTimersByTime(9_999);
      expect(exits).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(exits).toEqual([130]);
      signal('SIGINT');
      expect(exits).toEqual([130, 130]);
    },
  );

  it('leaves the signal handlers of the process it runs in alone', () => {
    const before = ['SIGINT', 'SIGTERM'].map((name) => process.listenerCount(name));
    processIo({ process: fakeProcess().proc });
    expect(['SIGINT', 'SIGTERM'].map((name) => process.listenerCount(name))).toEqual(before);
  });
});

// The real thing: the built processIo in a child process of its own, sent real signals.
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const child = `
import { processIo } from ${JSON.stringify(dist)};
const io = processIo();
const alive = setInterval(() => {}, 1000);
io.signal.addEventListener('abort', () => {
  process.stdout.write('aborted: ' + io.signal.reason.message + '\\n');
  if (process.env.FINISH_ON_ABORT) clearInterval(alive);
});
process.stdout.write('ready\\n');
`;

function start(env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['--input-type=module', '-e', child], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: Array<() => void> = [];
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  /** Resolves once stdout holds `line` (progress observed, not a timer). */
  const saw = async (line: string) => {
    while (!out.split('\n').includes(line)) await new Promise<void>((wake) => waiters.push(wake));
  };
  return { proc, exited, saw, output: () => out };
}

describe('processIo in a real process', () => {
  it('aborts on the first SIGINT and exits 130 on the second', async () => {
    const run = start();
    await run.saw('ready');
    run.proc.kill('SIGINT');
    await run.saw('aborted: interrupted by SIGINT');
    run.proc.kill('SIGINT');
    expect(await run.exited).toBe(130);
  });

  it('aborts on SIGTERM, and a command that watches the signal ends on its own', async () => {
    const run = start({ FINISH_ON_ABORT: '1' });
    await run.saw('ready');
    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toBe('ready\naborted: interrupted by SIGTERM\n');
  });
});
