import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from './cli-io';
import { formatDuration } from './format-duration';
import { createProgressLog } from './progress-log';

function fakeIo(tty: boolean, env: Record<string, string> = {}) {
  const lines: string[] = [];
  let now = Date.parse('2026-11-20T16:15:00.000Z');
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => lines.push(chunk) },
    readStdin: async () => null,
    env,
    cwd: '/work',
    clock: () => new Date(now),
    signal: new AbortController().signal,
    isStderrTTY: () => tty,
  };
  return { io, lines, advance: (ms: number) => (now += ms) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createProgressLog', () => {
  it('writes text on a terminal and never a heartbeat there', () => {
    const { io, lines, advance } = fakeIo(true);
    const log = createProgressLog({ heartbeat: '1' }, io);
    expect(log.format).toBe('text');
    const stop = log.heartbeat(() => ({ text: 'still running' }));
    log.event('turn_start', 'rc loop: turn 1 started', { turn: 1 });
    advance(600_000);
    vi.advanceTimersByTime(600_000);
    stop();
    expect(lines).toEqual(['rc loop: turn 1 started\n']);
  });

  it('writes one JSON object per line off a terminal, with a heartbeat every interval until stopped', () => {
    const { io, lines, advance } = fakeIo(false, { RC_HEARTBEAT_S: '300' });
    const log = createProgressLog({}, io);
    expect(log.format).toBe('json');
    const stop = log.heartbeat((elapsed) => ({
      text: `turn 3 still running, ${formatDuration(elapsed)}`,
      fields: { turn: 3 },
    }));
    advance(300_000);
    vi.advanceTimersByTime(300_000);
    advance(300_000);
    vi.advanceTimersByTime(300_000);
    stop();
    vi.advanceTimersByTime(3_000_000);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        ts: '2026-11-20T09:20:00.000-07:00',
        level: 'info',
        msg: 'turn 3 still running, 5m00s',
        event: 'heartbeat',
        turn: 3,
        elapsed_ms: 300_000,
      },
      expect.objectContaining({ msg: 'turn 3 still running, 10m00s', elapsed_ms: 600_000 }),
    ]);
  });

  it('takes --heartbeat over RC_HEARTBEAT_S, and 0 turns heartbeats off', () => {
    const { io, lines } = fakeIo(false, { RC_HEARTBEAT_S: '1' });
    const stop = createProgressLog({ heartbeat: '0' }, io).heartbeat(() => ({ text: 'beat' }));
    vi.advanceTimersByTime(60_000);
    stop();
    expect(lines).toEqual([]);
  });

  it('writes text off a terminal when asked, and JSON on one when asked', () => {
    expect(createProgressLog({ logFormat: 'text' }, fakeIo(false).io).format).toBe('text');
    expect(createProgressLog({ logFormat: 'json' }, fakeIo(true).io).format).toBe('json');
  });

  it('keeps secrets out of JSON lines, which stay valid JSON', () => {
    const secret = 'p"a\\ss-w0rd-1234';
    const { io, lines } = fakeIo(false, { DEPLOY_TOKEN: secret });
    const log = createProgressLog({}, io);
    log.event(
      'turn_end',
      `agent said ${secret}`,
      { message: `token ${secret}`, [secret]: 1 },
      'warn',
    );
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).not.toContain('w0rd');
    expect(JSON.parse(line)).toMatchObject({
      level: 'warn',
      msg: 'agent said ***',
      message: 'token ***',
      '***': 1,
    });
  });

  it.each([
    [
      { heartbeat: '-1' },
      {},
      '--heartbeat: expected seconds between heartbeats (0 turns them off), got "-1"',
    ],
    [{ heartbeat: ' ' }, {}, '--heartbeat: expected seconds'],
    [{}, { RC_HEARTBEAT_S: 'soon' }, 'RC_HEARTBEAT_S: expected seconds'],
  ])('refuses %j %j (exit 2)', (options, env, message) => {
    expect(() => createProgressLog(options, fakeIo(false, env).io)).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining(message) }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0.0s'],
    [450, '0.5s'],
    [59_949, '59.9s'],
    [59_990, '1m00s'],
    [60_000, '1m00s'],
    [300_000, '5m00s'],
    [3_599_999, '1h00m00s'],
    [3_569_400, '59m29s'],
    [3_905_000, '1h05m05s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
