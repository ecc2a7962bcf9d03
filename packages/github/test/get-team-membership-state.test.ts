import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHubClient,
  getTeamMembershipState,
  GitHubApiError,
  type GitHubClient,
} from '../src/index';
import { FAKE_TOKEN } from './fixtures';
import { errorChainJson, startGitHubApiServer, type GitHubApiServer } from './github-api-server';

const PATH = '/orgs/octo/teams/release-managers/memberships/mona';
let server: GitHubApiServer;
let client: GitHubClient;

beforeAll(async () => {
  server = await startGitHubApiServer();
  client = createGitHubClient({ token: FAKE_TOKEN, baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const lookup = () =>
  getTeamMembershipState(client, { org: 'octo', teamSlug: 'release-managers', username: 'mona' });

describe('getTeamMembershipState', () => {
  it.each(['active', 'pending'] as const)('returns %s from the membership state', async (state) => {
    server.handle(() => ({ status: 200, json: { state, role: 'member', url: 'https://x' } }));
    await expect(lookup()).resolves.toBe(state);
    expect(server.requests).toEqual([
      { method: 'GET', url: PATH, authorization: `token ${FAKE_TOKEN}`, body: undefined },
    ]);
  });

  it('returns null when GitHub answers 404 (not a member)', async () => {
    server.handle(() => ({ status: 404, json: { message: 'Not Found' } }));
    await expect(lookup()).resolves.toBeNull();
    expect(server.requests).toHaveLength(1);
  });

  it('throws an http error when GitHub answers 500', async () => {
    server.handle(() => ({ status: 500, json: { message: 'Server Error' } }));
    const error: unknown = await lookup().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 500,
      message: `GitHub API GET ${PATH}: 500 Internal Server Error (Server Error)`,
    });
    expect(errorChainJson(error)).not.toContain(FAKE_TOKEN);
  });

  it.each([
    [{ state: 'invited' }, 'response has an unexpected state: "invited"'],
    [{ role: 'member' }, 'response has no state'],
    [['active'], 'response is not valid JSON'],
  ])('throws a malformed error for %j', async (json, detail) => {
    server.handle(() => ({ status: 200, json }));
    await expect(lookup()).rejects.toMatchObject({
      kind: 'malformed',
      status: 200,
      message: `GitHub API GET ${PATH}: ${detail}`,
    });
  });

  it('throws InvalidInputError and sends nothing without a team slug', async () => {
    await expect(
      getTeamMembershipState(client, { org: 'octo', teamSlug: '', username: 'mona' }),
    ).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      issues: ['teamSlug: must be a non-empty string'],
    });
    expect(server.requests).toEqual([]);
  });
});
