import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHubClient,
  getIssueLabels,
  GitHubApiError,
  type GitHubClient,
} from '../src/index';
import { FAKE_TOKEN } from './fixtures';
import { startGitHubApiServer, type GitHubApiServer } from './github-api-server';

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

const lookup = () => getIssueLabels(client, { owner: 'octo', repo: 'rc', issueNumber: 277 });

describe('getIssueLabels', () => {
  it('returns the label names of the issue', async () => {
    server.handle(() => ({
      status: 200,
      json: { number: 277, labels: [{ name: 'wave:wave2', color: 'fff' }, 'bug'] },
    }));
    await expect(lookup()).resolves.toEqual({ number: 277, labels: ['wave:wave2', 'bug'] });
    expect(server.requests).toEqual([
      {
        method: 'GET',
        url: '/repos/octo/rc/issues/277',
        authorization: `token ${FAKE_TOKEN}`,
        body: undefined,
      },
    ]);
  });

  it.each([
    [{ status: 404, json: { message: 'Not Found' } }, /404/],
    [{ status: 200, json: { number: 277 } }, /no labels/],
    [{ status: 200, json: { labels: [{ color: 'fff' }] } }, /without a name/],
  ])('throws a GitHubApiError on %j', async (answer, message) => {
    server.handle(() => answer);
    const error = await lookup().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses an empty owner before sending anything', async () => {
    await expect(
      getIssueLabels(client, { owner: '', repo: 'rc', issueNumber: 1 }),
    ).rejects.toThrow();
    expect(server.requests).toHaveLength(0);
  });
});
