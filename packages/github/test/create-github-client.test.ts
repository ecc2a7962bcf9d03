import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import {
  createGitHubClient,
  DEFAULT_GITHUB_API_URL,
  DEFAULT_GITHUB_TIMEOUT_MS,
  getCollaboratorRole,
  GitHubApiError,
} from '../src/index';
import { FAKE_TOKEN } from './fixtures';
import { errorChainJson, startGitHubApiServer, type GitHubApiServer } from './github-api-server';

let server: GitHubApiServer;

beforeAll(async () => {
  server = await startGitHubApiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const roleOf = (client: ReturnType<typeof createGitHubClient>) =>
  getCollaboratorRole(client, { owner: 'o', repo: 'r', username: 'u' });

describe('createGitHubClient', () => {
  it('defaults to api.github.com and a 10 s timeout', () => {
    const client = createGitHubClient({});
    expect(client.timeoutMs).toBe(DEFAULT_GITHUB_TIMEOUT_MS);
    expect(DEFAULT_GITHUB_TIMEOUT_MS).toBe(10_000);
    expect(client.octokit).toBeInstanceOf(Octokit);
    expect(client.octokit.request.endpoint.DEFAULTS.baseUrl).toBe(DEFAULT_GITHUB_API_URL);
  });

  it('sends no authorization header without a token, and the user agent first', async () => {
    server.handle(() => ({ status: 200, json: { role_name: 'read' } }));
    let userAgent: string | undefined;
    const client = createGitHubClient({ baseUrl: `${server.url}/`, userAgent: 'rc/1.2.3' });
    client.octokit.hook.before('request', (options) => {
      userAgent = options.headers['user-agent'];
    });
    await expect(roleOf(client)).resolves.toBe('read');
    expect(server.requests).toEqual([
      {
        method: 'GET',
        url: '/repos/o/r/collaborators/u/permission',
        authorization: undefined,
        body: undefined,
      },
    ]);
    expect(userAgent).toMatch(/^rc\/1\.2\.3 octokit-rest\.js/);
  });

  it('keeps a GitHub Enterprise path prefix out of error messages', async () => {
    server.handle(() => ({ status: 404, json: { message: 'Not Found' } }));
    const client = createGitHubClient({ token: FAKE_TOKEN, baseUrl: `${server.url}/api/v3` });
    await expect(roleOf(client)).rejects.toThrow(
      'GitHub API GET /repos/o/r/collaborators/u/permission: 404 Not Found',
    );
    expect(server.requests[0]?.url).toBe('/api/v3/repos/o/r/collaborators/u/permission');
  });

  it('times out requests made on the octokit directly, too', async () => {
    server.handle(() => ({ status: 200, json: {}, delayMs: 600_000 }));
    const client = createGitHubClient({ baseUrl: server.url, timeoutMs: 100 });
    await expect(client.octokit.request('GET /rate_limit')).rejects.toMatchObject({
      cause: { name: 'TimeoutError' },
    });
  });

  it('times out when the body stalls after the headers', async () => {
    const stalled = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"role_name":');
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stalled.address() as AddressInfo;
      const client = createGitHubClient({
        token: FAKE_TOKEN,
        baseUrl: `http://127.0.0.1:${port}`,
        timeoutMs: 150,
      });
      await expect(roleOf(client)).rejects.toMatchObject({
        kind: 'timeout',
        message: 'GitHub API GET /repos/o/r/collaborators/u/permission: timed out after 150 ms',
      });
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });

  it('reports a network error when nothing listens, without the token', async () => {
    const closed = await startGitHubApiServer();
    await closed.close();
    const client = createGitHubClient({ token: FAKE_TOKEN, baseUrl: closed.url });
    const error: unknown = await roleOf(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ kind: 'network', status: null });
    expect((error as Error).message).toMatch(
      /^GitHub API GET \/repos\/o\/r\/collaborators\/u\/permission: network error: .*ECONNREFUSED/,
    );
    expect(errorChainJson(error)).not.toContain(FAKE_TOKEN);
    expect(errorChainJson(error)).not.toMatch(/authorization/i);
  });

  it('redacts a token of any shape from GitHub’s error text', async () => {
    const token = 'plain-secret-token-value';
    server.handle((request) => ({
      status: 401,
      json: { message: `bad credentials: ${request.authorization}` },
    }));
    const client = createGitHubClient({ token, baseUrl: server.url });
    const error: unknown = await roleOf(client).catch((caught: unknown) => caught);
    expect(server.requests[0]?.authorization).toBe(`token ${token}`);
    expect((error as Error).message).toBe(
      'GitHub API GET /repos/o/r/collaborators/u/permission: 401 Unauthorized (bad credentials: token ***)',
    );
    expect(errorChainJson(error)).not.toContain(token);
  });

  it('redacts GitHub token shapes for a hand-made client without a redactor', async () => {
    server.handle(() => ({
      status: 400,
      json: { message: `echo ${FAKE_TOKEN} ${'x'.repeat(400)}` },
    }));
    const ignore = (): void => undefined;
    const silent = { debug: ignore, info: ignore, warn: ignore, error: ignore };
    const client = { octokit: new Octokit({ baseUrl: server.url, log: silent }), timeoutMs: 1000 };
    const error: unknown = await roleOf(client).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/400 Bad Request \(echo \*\*\* x+…\)$/);
    expect(errorChainJson(error)).not.toContain(FAKE_TOKEN);
  });

  it('strips credentials from the base URL and authenticates with the token header only', async () => {
    server.handle(() => ({ status: 200, json: { role_name: 'write' } }));
    const baseUrl = server.url.replace('http://', 'http://rcuser:Pw0rd-9x@');
    const client = createGitHubClient({ token: FAKE_TOKEN, baseUrl: `${baseUrl}/api/v3/` });
    await expect(roleOf(client)).resolves.toBe('write');
    expect(server.requests).toEqual([
      {
        method: 'GET',
        url: '/api/v3/repos/o/r/collaborators/u/permission',
        authorization: `token ${FAKE_TOKEN}`,
        body: undefined,
      },
    ]);
    expect(client.octokit.request.endpoint.DEFAULTS.baseUrl).toBe(`${server.url}/api/v3`);
  });

  it('keeps credentials of the URL out of a network error thrown deep inside fetch', async () => {
    const ignore = (): void => undefined;
    const silent = { debug: ignore, info: ignore, warn: ignore, error: ignore };
    // A hand-made client: fetch itself refuses a URL with credentials and names the URL.
    const baseUrl = server.url.replace('http://', 'http://rcuser:Pw0rd-9x@');
    const client = { octokit: new Octokit({ baseUrl, log: silent }), timeoutMs: 1000 };
    const error: unknown = await roleOf(client).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toContain('network error');
    expect(errorChainJson(error)).not.toContain('Pw0rd-9x');
    expect(errorChainJson(error)).not.toContain('rcuser');
  });

  it('keeps credentials of a URL out of GitHub’s error text', async () => {
    server.handle(() => ({
      status: 502,
      json: { message: 'upstream http://admin:Hunter2-x@10.0.0.1:8080/v3 failed' },
    }));
    const client = createGitHubClient({ token: FAKE_TOKEN, baseUrl: server.url });
    const error: unknown = await roleOf(client).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      'GitHub API GET /repos/o/r/collaborators/u/permission: 502 Bad Gateway (upstream http://10.0.0.1:8080/v3 failed)',
    );
    expect(errorChainJson(error)).not.toContain('Hunter2-x');
  });

  it.each([
    ['a non-http scheme', 'ftp://rcuser:Pw0rd-9x@example.com/api'],
    ['an unparseable URL', 'http://rcuser:Pw0rd-9x@example.com:port/api'],
    ['a URL without a scheme', 'rcuser:Pw0rd-9x@example.com'],
    ['a password with a space', 'gopher://rcuser:Pw0rd 9x@example.com'],
  ])('rejects %s without printing its credentials', (_name, baseUrl) => {
    const error: unknown = (() => {
      try {
        return createGitHubClient({ baseUrl });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ code: 'E_INVALID_INPUT' });
    expect(errorChainJson(error)).not.toMatch(/Pw0rd|rcuser/);
  });

  it.each([
    [{ baseUrl: 'not a url' }, 'baseUrl: must be an http or https URL'],
    [{ baseUrl: 'file:///etc/passwd' }, 'baseUrl: must be an http or https URL'],
    [{ timeoutMs: 0 }, 'timeoutMs: must be a positive number'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs: must be a positive number'],
  ])('rejects %j with InvalidInputError', (options, issue) => {
    expect(() => createGitHubClient(options)).toThrow(
      expect.objectContaining({ code: 'E_INVALID_INPUT', issues: [issue] }),
    );
  });
});
