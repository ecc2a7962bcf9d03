import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterConfigLine, exampleEvent, repoRoot, runRc } from './_harness';

const RUN_ID = '2026-11-20T09-15-00-0700';
let repo: string;

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rc-plan-'));
  await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

const plan = (...extra: string[]) =>
  runRc(['orchestrator', 'plan', '--event-path', exampleEvent, ...extra], { cwd: repo });
const planPath = () => join(repo, 'artifacts/orchestrator', RUN_ID, 'plan.json');

describe('rc orchestrator plan', () => {
  it('writes plan.json under the run id and prints a summary', async () => {
    const result = await plan('--run-id', RUN_ID);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`plan ${RUN_ID} (2026-11-20T09:15:00.000-07:00)`);
    expect(result.stdout).toContain('prompt    project/prompts/wave2/triage.md (from argument)');
    const written = JSON.parse(await readFile(planPath(), 'utf8'));
    expect(written).toMatchObject({
      run_id: RUN_ID,
      repository: 'Codertocat/Hello-World',
      issue: { number: 276, labels: ['wave:wave2'], required_label: 'wave:wave2' },
      prompt: { name: 'triage', path: 'project/prompts/wave2/triage.md', source: 'argument' },
      workflow: { name: 'orchestrator-runner', file: 'orchestrator-runner.yml', ref: 'main' },
    });
    expect(result.stderr).toMatch(/^rc config: orchestration.yaml\n/);
    const log = afterConfigLine(result.stderr)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(log[0]).toMatchObject({
      msg: 'plan written',
      command: 'orchestrate',
      issue_number: 276,
      run_id: RUN_ID,
    });
    expect(log[0].phoenix_timestamp).toBe('2026-11-20T09:15:00.000-07:00');
  });

  it('gives byte-identical files for the same inputs and run id, and says so', async () => {
    await plan('--run-id', RUN_ID);
    const first = await readFile(planPath());
    const again = await plan('--run-id', RUN_ID, '--now', '2030-01-01T00:00:00Z');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(unchanged)');
    expect((await readFile(planPath())).equals(first)).toBe(true);
  });

  it('takes the run id from PHOENIX_RUN_ID, then the clock (--now)', async () => {
    const fromEnv = await runRc(['orchestrator', 'plan', '--event-path', exampleEvent, '--json'], {
      cwd: repo,
      env: { PHOENIX_RUN_ID: '2026-01-02T03-04-05-0700' },
    });
    expect(JSON.parse(fromEnv.stdout).run_id).toBe('2026-01-02T03-04-05-0700');
    const fromNow = await plan('--now', '2026-07-04T12:00:00', '--json');
    expect(JSON.parse(fromNow.stdout)).toMatchObject({
      run_id: '2026-07-04T12-00-00-0700',
      phoenix_timestamp: '2026-07-04T12:00:00.000-07:00',
    });
  });

  it('refuses a different plan over an existing run id (exit 3) and changes nothing', async () => {
    await plan('--run-id', RUN_ID);
    const before = await readFile(planPath(), 'utf8');
    const config = (await readFile(join(repo, 'orchestration.yaml'), 'utf8')).replace(
      'ref: main',
      'ref: release',
    );
    await writeFile(join(repo, 'orchestration.yaml'), config);
    const result = await plan('--run-id', RUN_ID);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('plan.json');
    expect(await readFile(planPath(), 'utf8')).toBe(before);
  });

  it('lists what it looked for when no prompt matches (exit 2), writing nothing', async () => {
    await rm(join(repo, 'project/prompts/wave2/triage.md'));
    const result = await plan('--run-id', RUN_ID);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('triage.md');
    expect(result.stderr).toContain('276-orchestrator-workflow.md');
    await expect(readdir(join(repo, 'artifacts'))).rejects.toThrow();
  });

  it('refuses an issue without the required label (exit 1)', async () => {
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as {
      issue: { labels: unknown[] };
    };
    event.issue.labels = [];
    const result = await runRc(['orchestrator', 'plan', '--run-id', RUN_ID], {
      cwd: repo,
      stdin: JSON.stringify(event),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('wave:wave2');
  });

  it.each([
    [['--run-id', 'yesterday'], 2],
    [['--now', 'soon'], 2],
  ])('exits 2 on %j', async (extra, code) => {
    expect((await plan(...extra)).code).toBe(code);
  });

  it('exits 2 on an unknown RC_LOG_LEVEL', async () => {
    const result = await runRc(['orchestrator', 'plan', '--event-path', exampleEvent], {
      cwd: repo,
      env: { RC_LOG_LEVEL: 'loud' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('RC_LOG_LEVEL');
  });
});

describe('rc orchestrator plan for another issue than the one commented on', () => {
  const otherIssue = async () => {
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
    event.comment.body = '/orchestrate #277 prompt=triage';
    return JSON.stringify(event);
  };

  it('fails closed without a token: the target issue labels are unknown (exit 1)', async () => {
    const result = await runRc(['orchestrator', 'plan', '--run-id', RUN_ID], {
      cwd: repo,
      stdin: await otherIssue(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('#277');
  });

  it('reads the target issue labels from the GitHub API with a token', async () => {
    const { startGitHubServer, json } = await import('./_github-server');
    const server = await startGitHubServer((request, res) =>
      request.url === '/repos/Codertocat/Hello-World/issues/277'
        ? json(res, 200, { number: 277, labels: [{ name: 'wave:wave2' }] })
        : json(res, 404, {}),
    );
    try {
      const env = {
        GITHUB_API_URL: server.url,
        GITHUB_TOKEN: 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs',
      };
      const result = await runRc(['orchestrator', 'plan', '--run-id', RUN_ID, '--json'], {
        cwd: repo,
        stdin: await otherIssue(),
        env,
      });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        issue: { number: 277, labels: ['wave:wave2'] },
      });
      expect(server.requests.map((request) => request.url)).toEqual([
        '/repos/Codertocat/Hello-World/issues/277',
      ]);
      const unlabelled = await startGitHubServer((_request, res) =>
        json(res, 200, { number: 277, labels: [] }),
      );
      const denied = await runRc(['orchestrator', 'plan', '--run-id', RUN_ID], {
        cwd: repo,
        stdin: await otherIssue(),
        env: { ...env, GITHUB_API_URL: unlabelled.url },
      });
      await unlabelled.close();
      expect(denied.code).toBe(1);
      expect(denied.stderr).toContain('wave:wave2');
      const broken = await startGitHubServer((_request, res) =>
        json(res, 500, { message: 'boom' }),
      );
      const failed = await runRc(['orchestrator', 'plan', '--run-id', RUN_ID], {
        cwd: repo,
        stdin: await otherIssue(),
        env: { ...env, GITHUB_API_URL: broken.url },
      });
      await broken.close();
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('cannot read the labels of issue #277');
    } finally {
      await server.close();
    }
  });
});
