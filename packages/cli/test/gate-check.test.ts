import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { afterConfigLine, exampleEvent, runRc } from './_harness';
import { json, startGitHubServer } from './_github-server';

const TOKEN = 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs';
let dir: string;
let servers: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-gate-'));
  return () => rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function rolesFile(users: Record<string, string>): Promise<string> {
  const path = join(dir, `roles-${Object.values(users).join('-') || 'none'}.json`);
  await writeFile(path, JSON.stringify({ users }));
  return path;
}

async function server(respond: Parameters<typeof startGitHubServer>[0]) {
  const started = await startGitHubServer(respond);
  servers.push(started);
  return started;
}

describe('rc gate check', () => {
  it('allows a maintainer listed in the roles file (exit 0, JSON on stdout)', async () => {
    const roles = await rolesFile({ codertocat: 'maintain' });
    const result = await runRc([
      'gate',
      'check',
      '--event-path',
      exampleEvent,
      '--roles-file',
      roles,
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      allowed: true,
      actor: 'Codertocat',
      role: 'maintain',
      source: 'roles-file',
      reasons: expect.arrayContaining([
        'role: Codertocat has maintain (roles-file), needs triage or above',
      ]),
    });
    // From the repository root, which has no orchestration.yaml: the defaults, said so.
    expect(result.stderr).toMatch(
      /^rc config: no orchestration.yaml found \(searched up to .*\); using defaults\n/,
    );
    expect(afterConfigLine(result.stderr)).toMatch(/^rc gate: allowed Codertocat/);
    expect(afterConfigLine(result.stderr).trimEnd().split('\n')).toHaveLength(1);
  });

  it('denies a reader with the reason on one stderr line (exit 1)', async () => {
    const roles = await rolesFile({ codertocat: 'read' });
    const result = await runRc([
      'gate',
      'check',
      '--event-path',
      exampleEvent,
      '--roles-file',
      roles,
    ]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(afterConfigLine(result.stderr)).toMatch(/^rc gate: denied Codertocat: .*role: .*read/);
  });

  it('asks the GitHub API at GITHUB_API_URL with the token, and never prints the token', async () => {
    const api = await server((request, res) =>
      request.url === '/repos/Codertocat/Hello-World/collaborators/Codertocat/permission'
        ? json(res, 200, { permission: 'write', role_name: 'maintain' })
        : json(res, 404, { message: 'Not Found' }),
    );
    const env = { GITHUB_API_URL: api.url, ORCHESTRATOR_BOT_TOKEN: TOKEN };
    const result = await runRc(['gate', 'check', '--event-path', exampleEvent, '--json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      allowed: true,
      role: 'maintain',
      source: 'api',
    });
    expect(api.requests).toEqual([
      {
        method: 'GET',
        url: '/repos/Codertocat/Hello-World/collaborators/Codertocat/permission',
        authorization: `token ${TOKEN}`,
        body: '',
      },
    ]);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it.each([
    ['404', (res: Parameters<typeof json>[0]) => json(res, 404, { message: 'Not Found' }), '404'],
    ['500', (res: Parameters<typeof json>[0]) => json(res, 500, { message: 'boom' }), '500'],
    [
      'malformed JSON',
      (res: Parameters<typeof json>[0]) => res.writeHead(200).end('{"role_name": '),
      'JSON',
    ],
  ])('denies on an API %s', async (_name, answer, reason) => {
    const api = await server((_request, res) => answer(res));
    const result = await runRc(['gate', 'check', '--event-path', exampleEvent], {
      env: { GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('denies when the API answers after the configured timeout', async () => {
    // The stand-in never answers: only the timeout can end the lookup, however slow the machine.
    const api = await server(() => undefined);
    const config = join(dir, 'slow.yaml');
    await writeFile(config, 'gate:\n  api_timeout_ms: 150\n');
    const result = await runRc(
      ['gate', 'check', '--event-path', exampleEvent, '--config', config],
      {
        env: { GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/timed out after 150 ms/);
  });

  it('denies with no role source at all, saying why', async () => {
    const result = await runRc(['gate', 'check', '--event-path', exampleEvent]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no GitHub API client');
  });

  it('sets step outputs and writes the summary inside GitHub Actions, stdout left alone', async () => {
    const roles = await rolesFile({ codertocat: 'admin' });
    const output = join(dir, 'output.txt');
    const summary = join(dir, 'summary.md');
    await writeFile(output, '');
    await writeFile(summary, '');
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
    event.comment.body = `/orchestrate #276 note=${TOKEN}`;
    const result = await runRc(['gate', 'check', '--roles-file', roles], {
      stdin: JSON.stringify(event),
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_TOKEN: TOKEN,
      },
    });
    expect(result.code).toBe(0);
    const outputs = await readFile(output, 'utf8');
    expect(outputs).toMatch(/allowed<<ghadelimiter_[^\n]+\ntrue\n/);
    expect(outputs).toMatch(/actor<<ghadelimiter_[^\n]+\nCodertocat\n/);
    expect(outputs).toMatch(/role<<ghadelimiter_[^\n]+\nadmin\n/);
    expect(await readFile(summary, 'utf8')).toContain('rc gate: **allowed** `Codertocat` (admin)');
    expect(result.stdout).toBe('');
    expect(result.stderr + outputs + (await readFile(summary, 'utf8'))).not.toContain(TOKEN);
  });

  it('keeps a hostile login literal in the step summary', async () => {
    const roles = await rolesFile({ codertocat: 'admin' });
    const summary = join(dir, 'hostile-summary.md');
    await writeFile(summary, '');
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as {
      comment: { user: { login: string } };
    };
    event.comment.user.login = 'mallory`\n## Approved by CTO\n<!--';
    const result = await runRc(['gate', 'check', '--roles-file', roles], {
      stdin: JSON.stringify(event),
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: join(dir, 'o.txt'),
        GITHUB_STEP_SUMMARY: summary,
      },
    });
    expect(result.code).toBe(1);
    const text = await readFile(summary, 'utf8');
    // One list item; the comment opener stays inside the code span, where it is literal.
    expect(text.split('\n')).toEqual([expect.stringMatching(/^- rc gate: /), '']);
    expect(text).toContain('rc gate: **denied** ``mallory` ## Approved by CTO <!--``');
  });

  it.each([
    ['not JSON', 'nope', 2, 'is not valid JSON'],
    ['a JSON array', '[1]', 2, 'is not a JSON object'],
    [
      'a push event',
      JSON.stringify({ ref: 'refs/heads/main', commits: [] }),
      2,
      'rc: stdin is not an event rc gate check can decide:\n  event: ',
    ],
  ])('handles %s', async (_name, stdin, code, message) => {
    const result = await runRc(['gate', 'check'], { stdin });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('exits 2 on an invalid ALLOWED_ROLES override', async () => {
    const result = await runRc(['gate', 'check', '--event-path', exampleEvent], {
      env: { ALLOWED_ROLES: 'owner' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('owner');
  });
});
