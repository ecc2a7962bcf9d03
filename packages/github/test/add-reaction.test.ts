import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addReaction,
  createGitHubClient,
  REACTION_CONTENTS,
  type GitHubClient,
  type ReactionContent,
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

describe('addReaction', () => {
  it.each(REACTION_CONTENTS)(
    'posts { content: %j } to the comment’s reactions',
    async (content) => {
      server.handle(() => ({ status: 201, json: { id: 1, content } }));
      await addReaction(client, { owner: 'octo', repo: 'rc', commentId: 1234567, content });
      expect(server.requests).toEqual([
        {
          method: 'POST',
          url: '/repos/octo/rc/issues/comments/1234567/reactions',
          authorization: `token ${FAKE_TOKEN}`,
          body: { content },
        },
      ]);
    },
  );

  it('succeeds when the reaction already exists (200)', async () => {
    server.handle(() => ({ status: 200, json: { id: 1, content: 'eyes' } }));
    await expect(
      addReaction(client, { owner: 'octo', repo: 'rc', commentId: 1, content: 'eyes' }),
    ).resolves.toBeUndefined();
  });

  it('throws an http error when GitHub refuses', async () => {
    server.handle(() => ({
      status: 403,
      json: { message: 'Resource not accessible by integration' },
    }));
    await expect(
      addReaction(client, { owner: 'octo', repo: 'rc', commentId: 9, content: 'rocket' }),
    ).rejects.toMatchObject({
      kind: 'http',
      status: 403,
      message:
        'GitHub API POST /repos/octo/rc/issues/comments/9/reactions: 403 Forbidden (Resource not accessible by integration)',
    });
  });

  it('rejects an unknown content or a bad comment id and sends nothing', async () => {
    await expect(
      addReaction(client, {
        owner: 'octo',
        repo: 'rc',
        commentId: 1.5,
        content: 'thumbsup' as ReactionContent,
      }),
    ).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      issues: [
        'commentId: must be a positive integer',
        'content: must be one of +1, -1, laugh, confused, heart, hooray, rocket, eyes',
      ],
    });
    expect(server.requests).toEqual([]);
  });
});
