import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecApplierRunner } from '../src/index';

let dir: string;
let n = 0;
const runner = createExecApplierRunner({ killGraceMs: 200 });
const env = () => ({ PATH: process.env['PATH'] ?? '', RC_TRACE_ID: 'trace-9' });
const request = (command: string, args: string[] = [], extra: object = {}) => ({
  command,
  args,
  env: env(),
  cwd: dir,
  timeoutMs: 10_000,
  logFile: join(dir, `${++n}.log`),
  ...extra,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-applier-'));
  await writeFile(
    join(dir, 'applier.sh'),
    '#!/bin/sh\nfor a in "$@"; do echo "arg[$a]"; done\necho "trace=$RC_TRACE_ID home=${HOME:-unset}"\necho warn >&2\nexit "${APPLIER_EXIT:-0}"\n',
  );
  await chmod(join(dir, 'applier.sh'), 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('createExecApplierRunner', () => {
  it('passes arguments verbatim (no shell), only the given env, and appends the transcript', async () => {
    const req = request(join(dir, 'applier.sh'), ['--x=$HOME', 'a b; rm -rf /', '']);
    await writeFile(req.logFile, '# header\n');
    const outcome = await runner.run(req);
    expect(outcome).toEqual({
      exitCode: 0,
      signal: null,
      timedOut: false,
      interrupted: false,
      spawnError: null,
    });
    const log = await readFile(req.logFile, 'utf8');
    expect(log.startsWith('# header\narg[--x=$HOME]\narg[a b; rm -rf /]\narg[]\n')).toBe(true);
    expect(log).toContain('trace=trace-9 home=unset\n');
    expect(log).toContain('warn\n');
  });

  it('reports a non-zero exit', async () => {
    const req = request(join(dir, 'applier.sh'), [], {
      env: { ...env(), APPLIER_EXIT: '7' },
    });
    expect(await runner.run(req)).toMatchObject({ exitCode: 7, spawnError: null });
  });

  it('reports an executable that cannot start as a spawn error, exit null', async () => {
    const outcome = await runner.run(request(join(dir, 'missing-applier')));
    expect(outcome).toMatchObject({ exitCode: null, timedOut: false, interrupted: false });
    expect(outcome.spawnError).toContain('missing-applier: command not found');
  });

  it('stops the applier tree on timeout', async () => {
    const outcome = await runner.run(request('sh', ['-c', 'sleep 5 & wait'], { timeoutMs: 200 }));
    expect(outcome).toMatchObject({ exitCode: null, timedOut: true, interrupted: false });
    expect(outcome.signal).not.toBeNull();
  });

  it('stops the applier on abort and says interrupted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const outcome = await runner.run(request('sleep', ['5'], { signal: controller.signal }));
    expect(outcome).toMatchObject({ exitCode: null, timedOut: false, interrupted: true });
  });

  it('does not call a kill from elsewhere an interruption', async () => {
    const outcome = await runner.run(request('sh', ['-c', 'kill -TERM $$']));
    expect(outcome).toMatchObject({ exitCode: null, signal: 'SIGTERM', interrupted: false });
  });
});
