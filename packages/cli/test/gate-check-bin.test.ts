import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleEvent } from './_harness';
import { json, startGitHubServer, type Responder } from './_github-server';

const bin = fileURLToPath(new URL('../dist/rc.cjs', import.meta.url));
const TOKEN = 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs';
const USER = 'rcuser';
const PASSWORD = 'pw-Q7x9';
const PERMISSION = '/repos/Codertocat/Hello-World/collaborators/Codertocat/permission';
let dir: string;
let servers: { close: () => Promise<void> }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-gate-bin-'));
  await writeFile(join(dir, 'output'), '');
  await writeFile(join(dir, 'summary.md'), '');
  // No role source but the API; `slow.yaml` also bounds each API call.
  const gate = 'gate:\n  role_sources: [api]\n  required_label: null\n  allowed_teams: []\n';
  await writeFile(join(dir, 'orchestration.yaml'), gate);
  await writeFile(join(dir, 'slow.yaml'), `${gate}  api_timeout_ms: 500\n`);
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  await rm(dir, { recursive: true, force: true });
});

async function server(respond: Responder) {
  const started = await startGitHubServer(respond);
  servers.push(started);
  return started;
}

// The built binary as a workflow step runs it. Async: the stand-in answers from this process.
function rc(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: {
        PATH: process.env['PATH'] ?? '',
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: join(dir, 'output'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function everything(result: { stdout: string; stderr: string }): Promise<string> {
  const outputs = await readFile(join(dir, 'output'), 'utf8');
  const summary = await readFile(join(dir, 'summary.md'), 'utf8');
  return [result.stdout, result.stderr, outputs, summary].join('\n---\n');
}

const check = ['gate', 'check', '--event-path', exampleEvent, '--json'];

describe('the built rc gate check --json inside GitHub Actions', () => {
  it('prints one JSON document on stdout, with no token and no workflow command', async () => {
    const api = await server((_request, res) => json(res, 200, { role_name: 'maintain' }));
    const result = await rc(check, { GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ allowed: true, role: 'maintain' });
    expect(result.stdout).not.toContain('::');
    expect(result.stdout).not.toContain(TOKEN);
    // The runner masks GITHUB_TOKEN from the job's start: rc does not print it to mask it.
    expect(await everything(result)).not.toContain(TOKEN);
    expect(result.stderr).not.toContain('::add-mask::');
    expect(api.requests.map((request) => request.authorization)).toEqual([`token ${TOKEN}`]);
  });

  it.each<[string, Responder, string, number, RegExp]>([
    [
      'allowed',
      (_q, res) => json(res, 200, { role_name: 'admin' }),
      'orchestration.yaml',
      0,
      /allowed Codertocat/,
    ],
    [
      'a 500',
      (_q, res) => json(res, 500, { message: 'boom' }),
      'orchestration.yaml',
      1,
      /500 Internal Server Error/,
    ],
    // The stand-in never answers (until it closes), so the call can only time out.
    ['a timeout', () => undefined, 'slow.yaml', 1, /timed out after 500 ms/],
  ])(
    'never prints the user or password of GITHUB_API_URL: %s',
    async (_name, answer, config, code, line) => {
      const api = await server(answer);
      const url = api.url.replace('http://', `http://${USER}:${PASSWORD}@`);
      const env = { GITHUB_API_URL: url, GITHUB_TOKEN: TOKEN };
      const result = await rc([...check, '--config', config], env);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(line);
      expect(JSON.parse(result.stdout)).toMatchObject({ allowed: code === 0 });
      const all = await everything(result);
      expect(all).not.toContain(PASSWORD);
      expect(all).not.toContain(USER);
      expect(all).not.toContain(TOKEN);
      // The credentials are not sent either: the token alone authenticates.
      expect(api.requests).toEqual([
        { method: 'GET', url: PERMISSION, authorization: `token ${TOKEN}`, body: '' },
      ]);
    },
  );

  it('keeps a token used as the URL password out of everything, with both tokens set', async () => {
    const bot = 'ghs_FAKEbotToken0123456789abcdefghijklmn';
    const api = await server((_request, res) => json(res, 200, { role_name: 'maintain' }));
    const url = api.url.replace('http://', `http://x-access-token:${TOKEN}@`);
    const env = { GITHUB_API_URL: url, GITHUB_TOKEN: TOKEN, ORCHESTRATOR_BOT_TOKEN: bot };
    const first = await rc(check, env);
    const second = await rc(check, env);
    expect([first.code, second.code]).toEqual([0, 0]);
    const all = await everything({
      stdout: first.stdout + second.stdout,
      stderr: first.stderr + second.stderr,
    });
    for (const secret of [TOKEN, bot, 'x-access-token', '::']) expect(all).not.toContain(secret);
    expect(api.requests.map((request) => request.authorization)).toEqual([
      `token ${bot}`,
      `token ${bot}`,
    ]);
  });

  it('keeps URL credentials out of errors from deep inside, with --json', async () => {
    const roles = `http://${USER}:${PASSWORD}@example.com/roles.json`;
    const config = `https://${USER}:${PASSWORD}@example.com/orchestration.yaml`;
    const denied = await rc([...check, '--roles-file', roles, '--config', 'orchestration.yaml'], {
      RC_ROLES_JSON: '',
    });
    const invalid = await rc([...check, '--config', config], {});
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.stdout)).toMatchObject({ allowed: false });
    expect(invalid).toMatchObject({ code: 2, stdout: '' });
    expect(invalid.stderr).toMatch(/^rc: .*orchestration\.yaml/);
    const all = await everything({
      stdout: denied.stdout + invalid.stdout,
      stderr: denied.stderr + invalid.stderr,
    });
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(USER);
  });
});
