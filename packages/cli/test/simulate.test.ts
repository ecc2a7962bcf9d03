import { cp, mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleEvent, repoRoot, runRc, setLocalCommand } from './_harness';

const TOKEN = 'ghp_SIMULATEtoken0123456789abcdefghijklmn';
let repo: string;
beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rc-simulate-'));
  await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

const simulate = (extra: string[], env: Record<string, string> = {}) =>
  runRc(['simulate', '--event', 'issue_comment', '--payload', exampleEvent, '--json', ...extra], {
    cwd: repo,
    env,
  });

// The example repository dispatches locally to scripts/local-runner.mjs; tests set their own.
const setLocal = (command: string | null) => setLocalCommand(repo, command);

describe('rc simulate', () => {
  it('runs gate then dispatch with a Phoenix run id and records the dispatch', async () => {
    await setLocal(null);
    const result = await simulate([]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      dispatch: 0,
      gate: 0,
      requests: [],
      run_id: '2026-11-20T09-15-00-0700',
      trigger: 'none',
    });
    expect(result.stderr.indexOf('step gate')).toBeLessThan(result.stderr.indexOf('step dispatch'));
    expect(result.stderr).toContain('TZ=America/Phoenix PHOENIX_RUN_ID=2026-11-20T09-15-00-0700');
    const log = await readFile(join(repo, 'artifacts/orchestrator/dispatch-log.ndjson'), 'utf8');
    expect(JSON.parse(log).run_id).toBe('2026-11-20T09-15-00-0700');
  });

  it('talks only to the 127.0.0.1 stand-in when given a token, and never prints the token', async () => {
    await writeFile(
      join(repo, 'orchestration.yaml'),
      (await readFile(join(repo, 'orchestration.yaml'), 'utf8')).replace(
        'role_sources: [roles-file]',
        'role_sources: [api]',
      ),
    );
    const result = await simulate(['--token', TOKEN, '--trigger', 'github', '--role', 'maintain'], {
      GITHUB_API_URL: 'https://api.github.com',
    });
    expect(result.code).toBe(0);
    const requests = JSON.parse(result.stdout).requests as string[];
    expect(requests).toContain(
      'GET /repos/Codertocat/Hello-World/collaborators/Codertocat/permission -> 200',
    );
    expect(requests).toContain(
      'POST /repos/Codertocat/Hello-World/actions/workflows/orchestrator-runner.yml/dispatches -> 204',
    );
    expect(result.stderr).toContain('stand-in at http://127.0.0.1:');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('skips the dispatch when the gate denies, and exits 1', async () => {
    await writeFile(
      join(repo, 'orchestration.yaml'),
      (await readFile(join(repo, 'orchestration.yaml'), 'utf8')).replace(
        'role_sources: [roles-file]',
        'role_sources: [api]',
      ),
    );
    const result = await simulate(['--token', TOKEN, '--role', 'read']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ gate: 1, dispatch: null });
    expect(result.stderr).toContain('dispatch step is skipped');
  });

  it('dispatches through dispatch.local_command by default when one is configured', async () => {
    const script = join(repo, 'agent.sh');
    await writeFile(script, '#!/bin/sh\necho "$TZ" > "$(dirname "$1")/tz.txt"\n');
    await chmod(script, 0o755);
    await setLocal(script);
    const result = await simulate([]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).trigger).toBe('local');
    expect(
      await readFile(join(repo, 'artifacts/orchestrator/2026-11-20T09-15-00-0700/tz.txt'), 'utf8'),
    ).toBe('America/Phoenix\n');
  });

  it.each([
    [['--event', 'push'], 2],
    [['--trigger', 'github'], 2],
  ])('rejects %j with exit %i', async (extra, code) => {
    const result = await runRc(
      ['simulate', '--payload', exampleEvent, '--event', 'issue_comment', ...extra],
      { cwd: repo },
    );
    expect(result.code).toBe(code);
  });
  it('builds a real-shaped event from --comment and runs gate, plan and dispatch on it', async () => {
    await setLocal(null);
    const result = await runRc(
      [
        'simulate',
        '--comment',
        '/orchestrate #276 prompt=triage',
        '--author',
        'Codertocat',
        '--issue',
        '276',
        '--label',
        'wave:wave2',
        '--json',
      ],
      { cwd: repo },
    );
    expect(result.stderr).not.toContain('rc: ');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ gate: 0, dispatch: 0, trigger: 'none' });
    const log = await readFile(join(repo, 'artifacts/orchestrator/dispatch-log.ndjson'), 'utf8');
    expect(JSON.parse(log)).toMatchObject({ issue_number: 276, outcome: 'recorded' });
  });

  it('denies a --comment by someone the roles file does not name', async () => {
    await setLocal(null);
    const result = await runRc(
      ['simulate', '--comment', '/orchestrate #276 prompt=triage', '--label', 'wave:wave2'],
      { cwd: repo },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gate said no');
  });

  it.each([
    [[], 'give either --payload FILE or --comment TEXT'],
    [['--payload', exampleEvent, '--comment', '/orchestrate'], 'exactly one'],
    [['--comment', '/orchestrate', '--issue', '0'], '--issue: "0" is not an issue number'],
    [
      ['--comment', '/orchestrate', '--repository', 'nope'],
      '--repository: "nope" is not OWNER/REPO',
    ],
  ])('refuses %j with a message naming the problem, writing nothing', async (args, message) => {
    const result = await runRc(['simulate', ...args], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    await expect(
      readFile(join(repo, 'artifacts/orchestrator/dispatch-log.ndjson')),
    ).rejects.toThrow();
  });
});
