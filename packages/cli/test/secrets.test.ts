import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleEvent, repoRoot } from './_harness';
import { json, startGitHubServer } from './_github-server';

// The built binary, run as a subprocess: what a user (or the runner workflow) actually runs.
const bin = fileURLToPath(new URL('../dist/rc.cjs', import.meta.url));
const TOKEN = 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs';
const RUN_IDS = [
  '2026-11-20T09-15-00-0700',
  '2026-11-20T09-16-00-0700',
  '2026-11-20T09-17-00-0700',
];
let repo: string;
let closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rc-secrets-'));
  await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
});
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
  await rm(repo, { recursive: true, force: true });
});

// Async, so the GitHub stand-in in this process keeps answering while the binary runs.
function rc(args: string[], env: Record<string, string>, stdin?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: repo, env: { PATH: process.env['PATH'] ?? '', ...env } },
      (error, stdout, stderr) =>
        done({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

async function github() {
  const server = await startGitHubServer((request, res) =>
    request.url.endsWith('/dispatches') ? res.writeHead(204).end() : json(res, 201, { id: 1 }),
  );
  closers.push(server.close);
  return server;
}

const artifacts = () => join(repo, 'artifacts/orchestrator');
const dispatches = (server: Awaited<ReturnType<typeof github>>) =>
  server.requests.filter((request) => request.url.endsWith('/dispatches'));

describe('secrets in the environment and in comments (built rc binary)', () => {
  it('dispatches to GitHub once over three runs when DEPLOY_KEY=github', async () => {
    const server = await github();
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: TOKEN, DEPLOY_KEY: 'github' };
    const outcomes: string[] = [];
    for (const runId of RUN_IDS) {
      const result = await rc(
        [
          'orchestrator',
          'dispatch',
          '--event-path',
          exampleEvent,
          '--run-id',
          runId,
          '--trigger',
          'github',
          '--json',
        ],
        env,
      );
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain('malformed');
      outcomes.push(String((JSON.parse(result.stdout) as { outcome: string }).outcome));
      // The logs keep the word too: the same filter applies to text streams.
      if (runId === RUN_IDS[0]) expect(result.stderr).toContain('"trigger":"github"');
    }
    expect(outcomes).toEqual(['dispatched', 'duplicate', 'duplicate']);
    expect(dispatches(server)).toHaveLength(1);
    const log = (await readFile(join(artifacts(), 'dispatch-log.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log.map((entry) => [entry['trigger'], entry['outcome']])).toEqual([
      ['github', 'dispatched'],
      ['github', 'duplicate'],
      ['github', 'duplicate'],
    ]);
  });

  it('writes a plan.json that parses when DEPLOY_KEY=false', async () => {
    const result = await rc(
      ['orchestrator', 'dispatch', '--event-path', exampleEvent, '--run-id', RUN_IDS[0] ?? ''],
      { DEPLOY_KEY: 'false', API_KEY: 'null', KEY_ID: '12345678' },
    );
    expect(result.code).toBe(0);
    for (const file of ['plan.json', 'envelope.json']) {
      const text = await readFile(join(artifacts(), RUN_IDS[0] ?? '', file), 'utf8');
      expect(() => JSON.parse(text) as unknown).not.toThrow();
    }
    const plan = JSON.parse(
      await readFile(join(artifacts(), RUN_IDS[0] ?? '', 'plan.json'), 'utf8'),
    ) as { command: { dry_run: unknown } };
    expect(plan.command.dry_run).toBe(false);
  });

  it('writes a promotion result that parses when USE_SSH_KEY=true', async () => {
    await writeFile(
      join(repo, 'orchestration.yaml'),
      'promotion:\n  stages: [canary]\n  signals_file: ci/signals.json\n  thresholds:\n    - { metric: pass_rate, min: 0.95 }\n  applier: { command: [node, -e, "0"] }\n',
    );
    await mkdir(join(repo, 'ci'));
    await writeFile(
      join(repo, 'ci/signals.json'),
      JSON.stringify({ candidate: { version: '1.0.0' }, metrics: { pass_rate: 1 } }),
    );
    const result = await rc(
      [
        'promote',
        '--mode',
        'dry_run',
        '--stage',
        'canary',
        '--candidate',
        '1.0.0',
        '--run-id',
        RUN_IDS[0] ?? '',
      ],
      { USE_SSH_KEY: 'true' },
    );
    expect(result.code).toBe(0);
    const text = await readFile(
      join(repo, 'artifacts/promotion', RUN_IDS[0] ?? '', 'promotion-orchestrate-result.json'),
      'utf8',
    );
    expect(JSON.parse(text)).toMatchObject({ mode: 'dry_run' });
  });

  it('sends GitHub an envelope without the token in the comment, and still deduplicates it', async () => {
    const server = await github();
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
    // wave= takes any [A-Za-z0-9._:-] name, so a token there reaches the plan and the envelope.
    event.comment.body = `/orchestrate #276 prompt=triage wave=${TOKEN}\nuse ${TOKEN} please`;
    const eventPath = join(repo, 'event.json');
    await writeFile(eventPath, JSON.stringify(event));
    const env = { GITHUB_API_URL: server.url, ORCHESTRATOR_BOT_TOKEN: TOKEN };
    const outcomes: string[] = [];
    for (const runId of RUN_IDS.slice(0, 2)) {
      const result = await rc(
        [
          'orchestrator',
          'dispatch',
          '--event-path',
          eventPath,
          '--run-id',
          runId,
          '--trigger',
          'github',
          '--json',
        ],
        env,
      );
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
      outcomes.push(String((JSON.parse(result.stdout) as { outcome: string }).outcome));
    }
    expect(outcomes).toEqual(['dispatched', 'duplicate']);
    const [sent] = dispatches(server);
    expect(sent?.body).not.toContain(TOKEN);
    expect(sent?.body).not.toContain(JSON.stringify(TOKEN).slice(1, -1));
    const envelope = (JSON.parse(sent?.body ?? '') as { inputs: { envelope: string } }).inputs
      .envelope;
    const written = await readFile(join(artifacts(), RUN_IDS[0] ?? '', 'envelope.json'), 'utf8');
    expect(JSON.parse(envelope)).toEqual(JSON.parse(written));
  });

  it('refuses a symlinked run directory or dispatch log before writing or triggering anything', async () => {
    const server = await github();
    const outside = await mkdtemp(join(tmpdir(), 'rc-outside-'));
    closers.push(() => rm(outside, { recursive: true, force: true }));
    await writeFile(join(outside, 'log.ndjson'), 'outside\n');
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: TOKEN };
    const args = ['orchestrator', 'dispatch', '--event-path', exampleEvent, '--trigger', 'github'];
    await mkdir(artifacts(), { recursive: true });
    await symlink(outside, join(artifacts(), RUN_IDS[0] ?? ''));
    const linkedRun = await rc([...args, '--run-id', RUN_IDS[0] ?? ''], env);
    expect(linkedRun.code).toBe(1);
    expect(linkedRun.stderr).toContain(`${join(artifacts(), RUN_IDS[0] ?? '')} is a symbolic link`);
    await symlink(join(outside, 'log.ndjson'), join(artifacts(), 'dispatch-log.ndjson'));
    const linkedLog = await rc([...args, '--run-id', RUN_IDS[1] ?? ''], env);
    expect(linkedLog.code).toBe(1);
    expect(linkedLog.stderr).toContain('dispatch-log.ndjson is a symbolic link');
    expect(dispatches(server)).toEqual([]);
    expect((await readdir(outside)).sort()).toEqual(['log.ndjson']);
    expect(await readFile(join(outside, 'log.ndjson'), 'utf8')).toBe('outside\n');
  });
});
