import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeError } from '../src/action/describe-error';
import { runAction } from '../src/action/run-action';
import { repoRoot } from './_repo';
// @ts-expect-error: a plain .mjs script without types
import { ACTION_BUNDLE, bundleAction } from '../scripts/bundle-action.mjs';

const TOKEN = 'ghp_ACTIONtoken0123456789abcdefghijklmnop';
const EVENT = resolve(repoRoot, 'examples/events/issue-comment-orchestrate.json');
let repo: string;
let closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rc-action-'));
  await cp(resolve(repoRoot, 'examples/repo'), repo, { recursive: true });
  const config = await readFile(join(repo, 'orchestration.yaml'), 'utf8');
  await writeFile(join(repo, 'orchestration.yaml'), config.replace('[roles-file]', '[api]'));
});
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
  await rm(repo, { recursive: true, force: true });
});

// A GitHub REST stand-in on 127.0.0.1 answering the collaborator role and dispatches.
async function github(role: string, dispatchStatus = 204) {
  const requests: string[] = [];
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      bodies.push(body);
      if (req.url?.endsWith('/permission')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ permission: role, role_name: role }));
      } else if (req.url?.includes('/dispatches')) {
        res.writeHead(dispatchStatus, { 'content-type': 'application/json' });
        res.end(dispatchStatus === 204 ? '' : JSON.stringify({ message: 'nope' }));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"message":"Not Found"}');
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(() => new Promise<void>((done) => server.close(() => done())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, bodies };
}

// The example event with this comment body, written into the temp repository.
async function eventWith(body: string): Promise<string> {
  const event = JSON.parse(await readFile(EVENT, 'utf8')) as { comment: { body: string } };
  event.comment.body = body;
  const path = join(repo, 'event.json');
  await writeFile(path, JSON.stringify(event));
  return path;
}

async function act(inputs: Record<string, string>, apiUrl: string, eventPath = EVENT) {
  const output = join(repo, 'output.txt');
  const summary = join(repo, 'summary.md');
  await writeFile(output, '');
  await writeFile(summary, '');
  let stdout = '';
  let stderr = '';
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: 'issue_comment',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: apiUrl,
    INPUT_TOKEN: TOKEN,
    ...Object.fromEntries(
      Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value]),
    ),
  };
  const code = await runAction({
    env,
    cwd: repo,
    clock: () => new Date('2026-11-20T16:15:00.000Z'),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return {
    code,
    stdout,
    stderr,
    outputs: await readFile(output, 'utf8'),
    summary: await readFile(summary, 'utf8'),
  };
}

describe('runAction', () => {
  it('gates, then dispatches once, masking the token and setting outputs', async () => {
    const api = await github('maintain');
    const first = await act({}, api.url);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`::add-mask::${TOKEN}\n`);
    expect(first.outputs).toContain('allowed<<');
    expect(first.outputs).toContain('2026-11-20T09-15-00-0700');
    expect(first.summary).toContain('rc dispatch: **dispatched**');
    expect(api.requests.filter((line) => line.includes('/dispatches'))).toHaveLength(1);
    expect(api.requests.every((line) => line.endsWith(`token ${TOKEN}`))).toBe(true);
    expect(first.stderr).not.toContain(TOKEN);
    const again = await act({}, api.url);
    expect(again.code).toBe(0);
    expect(again.outputs).toContain('duplicate');
    expect(api.requests.filter((line) => line.includes('/dispatches'))).toHaveLength(1);
  });

  it('sends the envelope redacted exactly as envelope.json: no token from the comment', async () => {
    const api = await github('maintain');
    const eventPath = await eventWith(`/orchestrate #276 prompt=triage wave=${TOKEN}\nthanks`);
    const result = await act({}, api.url, eventPath);
    expect(result.code).toBe(0);
    const sent = api.bodies[api.requests.findIndex((line) => line.includes('/dispatches'))] ?? '';
    expect(sent).not.toBe('');
    expect(sent).not.toContain(TOKEN);
    const envelope = (JSON.parse(sent) as { inputs: { envelope: string } }).inputs.envelope;
    const written = await readFile(
      join(repo, 'artifacts/orchestrator/2026-11-20T09-15-00-0700/envelope.json'),
      'utf8',
    );
    expect(JSON.parse(envelope)).toEqual(JSON.parse(written));
    expect(JSON.parse(envelope)).toMatchObject({ plan: { command: { wave: '***' } } });
  });

  it('denies a commenter without the role and dispatches nothing', async () => {
    const api = await github('read');
    const result = await act({}, api.url);
    expect(result.code).toBe(1);
    expect(result.summary).toContain('**denied**');
    expect(api.requests.some((line) => line.includes('/dispatches'))).toBe(false);
  });

  it('keeps a hostile login literal in the step summary', async () => {
    const api = await github('read');
    const event = JSON.parse(await readFile(EVENT, 'utf8')) as {
      comment: { user: { login: string } };
    };
    event.comment.user.login = 'mallory`\n## Approved by CTO\n<!--';
    await writeFile(join(repo, 'event.json'), JSON.stringify(event));
    const result = await act({}, api.url, join(repo, 'event.json'));
    expect(result.code).toBe(1);
    expect(result.summary).toBe('- rc gate: **denied** ``mallory` ## Approved by CTO <!--``\n');
  });

  it('stops after the gate in mode gate, and records only with trigger none', async () => {
    const api = await github('admin');
    expect((await act({ mode: 'gate' }, api.url)).code).toBe(0);
    const recorded = await act({ trigger: 'none' }, api.url);
    expect(recorded.code).toBe(0);
    expect(recorded.outputs).toContain('recorded');
    expect(api.requests.some((line) => line.includes('/dispatches'))).toBe(false);
  });

  it('fails with exit 1 and a log line when the dispatch is refused', async () => {
    const api = await github('maintain', 422);
    const result = await act({}, api.url);
    expect(result.code).toBe(1);
    expect(
      await readFile(join(repo, 'artifacts/orchestrator/dispatch-log.ndjson'), 'utf8'),
    ).toContain('"failed"');
  });

  it.each([
    [{ mode: 'both' }, 'input mode'],
    [{ trigger: 'local' }, 'input trigger'],
    [{ config: 'missing.yaml' }, 'cannot read config'],
  ])('rejects %j as invalid input (exit 2)', async (inputs, message) => {
    const api = await github('maintain');
    const error = await act(inputs, api.url).catch((caught: unknown) => caught);
    expect(describeError(error)).toMatchObject({ code: 2 });
    expect(describeError(error).message).toContain(message);
  });

  it('tells an unreadable event from one that is not JSON (exit 2 both)', async () => {
    const api = await github('maintain');
    const missing = await act({}, api.url, join(repo, 'no-such-event.json')).catch(
      (caught: unknown) => caught,
    );
    expect(describeError(missing)).toEqual({
      code: 2,
      message: `rc: cannot read ${join(repo, 'no-such-event.json')} (ENOENT)`,
    });
    await writeFile(join(repo, 'not-json.json'), 'nope');
    const garbled = await act({}, api.url, join(repo, 'not-json.json')).catch(
      (caught: unknown) => caught,
    );
    expect(describeError(garbled)).toMatchObject({
      code: 2,
      message: expect.stringMatching(/^rc: the event is not valid JSON: /),
    });
  });

  it('describes unknown errors as internal, and bad JSON as invalid input', () => {
    expect(describeError(new Error('boom')).code).toBe(1);
    expect(describeError(new SyntaxError('bad')).code).toBe(2);
  });
});

describe('action.yml and its bundle', () => {
  it('runs the committed bundle with node20 and documents every input', async () => {
    const action = parse(await readFile(resolve(repoRoot, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node20', main: 'packages/workflows/action/index.mjs' });
    expect(Object.keys(action.inputs)).toEqual([
      'token',
      'mode',
      'trigger',
      'config',
      'event-path',
      'run-id',
    ]);
    for (const value of [...Object.values(action.inputs), ...Object.values(action.outputs)])
      expect((value as { description: string }).description.length).toBeGreaterThan(10);
  });

  it('is up to date with the sources (npm run build -w @rc/workflows)', async () => {
    expect(await readFile(ACTION_BUNDLE, 'utf8')).toBe(await bundleAction());
  }, 60_000);

  it('runs standalone and sends GitHub no token from the comment', async () => {
    const api = await github('maintain');
    const eventPath = await eventWith(`/orchestrate #276 prompt=triage wave=${TOKEN}`);
    const result = await promisify(execFile)(process.execPath, [ACTION_BUNDLE], {
      cwd: repo,
      env: {
        PATH: process.env['PATH'] ?? '',
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: api.url,
        INPUT_TOKEN: TOKEN,
      },
    });
    expect(result.stderr).toContain('rc dispatch: dispatched');
    const sent = api.bodies[api.requests.findIndex((line) => line.includes('/dispatches'))] ?? '';
    expect(sent).toContain('"envelope"');
    expect(sent).not.toContain(TOKEN);
  });

  it('runs standalone and keeps secrets and URL credentials out of its error line', async () => {
    const secret = 'hunter2-deploy-passphrase';
    const run = promisify(execFile);
    const result = (await run(process.execPath, [ACTION_BUNDLE], {
      cwd: repo,
      env: {
        PATH: process.env['PATH'] ?? '',
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_EVENT_PATH: join(repo, `missing-${TOKEN}-${secret}`, 'event.json'),
        GITHUB_API_URL: 'http://user:pw-in-url@127.0.0.1:9',
        DEPLOY_KEY: secret,
        INPUT_TOKEN: TOKEN,
      },
    }).catch((error: unknown) => error)) as { code: number; stdout: string; stderr: string };
    expect(result.code).not.toBe(0);
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/^::error::rc: /m);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(secret);
  });

  it('runs standalone: it imports only Node built-ins', async () => {
    const bundle = await readFile(ACTION_BUNDLE, 'utf8');
    const imports = [...bundle.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(
      imports.filter((name) => !builtinModules.includes((name ?? '').replace(/^node:/, ''))),
    ).toEqual([]);
    const api = await github('read');
    const run = promisify(execFile);
    const result = await run(process.execPath, [ACTION_BUNDLE], {
      cwd: repo,
      env: {
        PATH: process.env['PATH'] ?? '',
        GITHUB_EVENT_PATH: EVENT,
        GITHUB_API_URL: api.url,
        INPUT_TOKEN: TOKEN,
      },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toContain('rc gate: denied');
  });
});
