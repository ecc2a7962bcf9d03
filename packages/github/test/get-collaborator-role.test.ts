import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHubClient,
  getCollaboratorRole,
  GitHubApiError,
  type GitHubClient,
} from '../src/index';
import { FAKE_TOKEN } from './fixtures';
import { errorChainJson, startGitHubApiServer, type GitHubApiServer } from './github-api-server';

const PATH = '/repos/octo/rc/collaborators/mona/permission';
let server: GitHubApiServer;
let client: GitHubClient;

beforeAll(async () => {
  server = await startGitHubApiServer();
  // The default timeout: a loaded machine must not turn a prompt answer into a timeout.
  client = createGitHubClient({ token: FAKE_TOKEN, baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const lookup = (using = client) =>
  getCollaboratorRole(using, { owner: 'octo', repo: 'rc', username: 'mona' });

async function failure(using = client): Promise<GitHubApiError> {
  const error: unknown = await lookup(using).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(GitHubApiError);
  const apiError = error as GitHubApiError;
  expect(apiError.message).not.toContain(FAKE_TOKEN);
  expect(errorChainJson(apiError)).not.toContain(FAKE_TOKEN);
  expect(errorChainJson(apiError)).not.toMatch(/authorization/i);
  return apiError;
}

describe('getCollaboratorRole', () => {
  it.each([
    ['admin', 'admin'],
    ['maintain', 'write'],
    ['write', 'write'],
    ['triage', 'read'],
    ['read', 'read'],
  ])('returns role_name %s, not the legacy permission %s', async (role, permission) => {
    server.handle(() => ({
      status: 200,
      json: { permission, role_name: role, user: { login: 'mona' } },
    }));
    await expect(lookup()).resolves.toBe(role);
    expect(server.requests).toEqual([
      { method: 'GET', url: PATH, authorization: `token ${FAKE_TOKEN}`, body: undefined },
    ]);
  });

  it('returns a custom role name as is', async () => {
    server.handle(() => ({
      status: 200,
      json: { permission: 'read', role_name: 'security-reviewer' },
    }));
    await expect(lookup()).resolves.toBe('security-reviewer');
  });

  it('encodes path parameters the way GitHub expects', async () => {
    server.handle(() => ({ status: 200, json: { role_name: 'read' } }));
    await getCollaboratorRole(client, { owner: 'octo', repo: 'r c', username: 'm/x' });
    expect(server.requests[0]?.url).toBe('/repos/octo/r%20c/collaborators/m%2Fx/permission');
  });

  it('throws an http error with the status when GitHub answers 404', async () => {
    server.handle(() => ({
      status: 404,
      json: { message: 'Not Found', documentation_url: 'https://docs' },
    }));
    const error = await failure();
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      exitCode: 1,
      code: 'E_OPERATION_FAILED',
    });
    expect(error.message).toBe(`GitHub API GET ${PATH}: 404 Not Found`);
  });

  it('throws an http error naming GitHub’s reason when GitHub answers 500', async () => {
    server.handle(() => ({ status: 500, json: { message: `boom near ${FAKE_TOKEN}` } }));
    const error = await failure();
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).toBe(`GitHub API GET ${PATH}: 500 Internal Server Error (boom near ***)`);
    expect(server.requests).toHaveLength(1);
  });

  it('throws a timeout error when GitHub answers after timeoutMs', async () => {
    // An answer far later than any test would wait: only the client's timeout can end the call.
    server.handle(() => ({ status: 200, json: { role_name: 'admin' }, delayMs: 600_000 }));
    const quick = createGitHubClient({ token: FAKE_TOKEN, baseUrl: server.url, timeoutMs: 200 });
    const error = await failure(quick);
    expect(error).toMatchObject({ kind: 'timeout', status: null });
    expect(error.message).toBe(`GitHub API GET ${PATH}: timed out after 200 ms`);
  });

  it('throws a malformed error when the body is not valid JSON', async () => {
    server.handle(() => ({ status: 200, raw: '{"role_name": "admin"' }));
    const error = await failure();
    expect(error).toMatchObject({ kind: 'malformed', status: 200 });
    expect(error.message).toBe(`GitHub API GET ${PATH}: response is not valid JSON`);
  });

  it.each([
    ['missing', { permission: 'admin' }],
    ['not a string', { role_name: 7 }],
    ['empty', { role_name: '' }],
  ])('throws a malformed error when role_name is %s', async (_label, json) => {
    server.handle(() => ({ status: 200, json }));
    const error = await failure();
    expect(error).toMatchObject({ kind: 'malformed', status: 200 });
    expect(error.message).toBe(`GitHub API GET ${PATH}: response has no role_name`);
  });

  it('throws InvalidInputError and sends nothing when an argument is empty', async () => {
    await expect(
      getCollaboratorRole(client, { owner: 'octo', repo: ' ', username: '' }),
    ).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      issues: ['repo: must be a non-empty string', 'username: must be a non-empty string'],
    });
    expect(server.requests).toEqual([]);
  });
});
