import { describe, expect, it } from 'vitest';
import { runRc } from './_harness';

describe('rc', () => {
  it('prints the version', async () => {
    expect(await runRc(['--version'])).toEqual({ code: 0, stdout: '0.0.0-dev\n', stderr: '' });
  });

  it('explains itself and its exit codes in --help', async () => {
    const result = await runRc(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('orchestrator');
    expect(result.stdout).toContain('130  interrupted');
  });

  it.each([
    ['orchestrator', 'parse'],
    ['time', 'cron'],
  ])('has help for %s %s', async (...path) => {
    const result = await runRc([...path, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Example');
  });

  it('exits 2 on an unknown command or option', async () => {
    const unknown = await runRc(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect((await runRc(['time', 'now', '--bogus'])).code).toBe(2);
    expect((await runRc([])).code).toBe(2);
  });

  it.each([
    [['frobnicate'], "rc: unknown command 'frobnicate'"],
    [['time', 'now', '--bogus'], "rc: unknown option '--bogus'"],
    [['time', 'cron'], "rc: missing required argument 'expression'"],
  ])('prefixes usage errors of %j with rc:, as every other error', async (args, line) => {
    const result = await runRc(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(line);
    expect(result.stderr).not.toMatch(/^error:/m);
  });
});

describe('rc time', () => {
  it('prints Phoenix now, and JSON with run id', async () => {
    expect((await runRc(['time', 'now'])).stdout).toBe('2026-11-20T09:15:00.000-07:00\n');
    expect(JSON.parse((await runRc(['time', 'now', '--json'])).stdout)).toEqual({
      phoenix_timestamp: '2026-11-20T09:15:00.000-07:00',
      run_id: '2026-11-20T09-15-00-0700',
      utc: '2026-11-20T16:15:00.000Z',
    });
  });

  it('prints run ids for now and for --at', async () => {
    expect((await runRc(['time', 'run-id'])).stdout).toBe('2026-11-20T09-15-00-0700\n');
    expect((await runRc(['time', 'run-id', '--at', '2026-07-01T00:00:00Z'])).stdout).toBe(
      '2026-06-30T17-00-00-0700\n',
    );
    const bad = await runRc(['time', 'run-id', '--at', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at');
  });

  it('converts cron between Phoenix and UTC', async () => {
    expect((await runRc(['time', 'cron', '0 9 * * 1-5'])).stdout).toBe('0 16 * * 1-5\n');
    expect(
      (await runRc(['time', 'cron', '0 1 * * 0', '--from', 'utc', '--to', 'phoenix'])).stdout,
    ).toBe('0 18 * * 6\n');
    expect(JSON.parse((await runRc(['time', 'cron', '30 20 * * 5', '--json'])).stdout)).toEqual({
      expression: '30 20 * * 5',
      from: 'America/Phoenix',
      to: 'UTC',
      expressions: ['30 3 * * 6'],
    });
  });

  it.each([
    [['time', 'cron', '0 25 * * *'], 'cannot convert "0 25 * * *"'],
    [['time', 'cron', '0 1 * * *', '--from', 'mars'], '--from: unknown zone "mars"'],
  ])('exits 2 on %j', async (args, message) => {
    const result = await runRc(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('reports an unexpected failure as a bug, redacted, exit 1', async () => {
    const { reportError } = await import('../src/report-error');
    let stderr = '';
    const code = reportError(new TypeError('boom ghp_abcdefghijklmnopqrstuvwxyz0123'), {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      readStdin: async () => null,
      env: {},
      cwd: '/',
      clock: () => new Date(),
      signal: new AbortController().signal,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('rc: internal error: boom ***');
    expect(stderr).toContain('please report it');
  });
});
