import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '@rc/orchestrator-core';
import {
  createGitHubClient,
  dispatchWorkflow,
  GitHubApiError,
  MAX_WORKFLOW_DISPATCH_INPUTS,
  type GitHubClient,
} from '../src/index';
import { FAKE_TOKEN } from './fixtures';
import { errorChainJson, startGitHubApiServer, type GitHubApiServer } from './github-api-server';

const PATH = '/repos/octo/rc/actions/workflows/orchestrator-runner.yml/dispatches';
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

const dispatch = (inputs: Record<string, string>) =>
  dispatchWorkflow(client, {
    owner: 'octo',
    repo: 'rc',
    workflowFile: 'orchestrator-runner.yml',
    ref: 'main',
    inputs,
  });

function inputsOf(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`input_${i}`, `value ${i}`]));
}

describe('dispatchWorkflow', () => {
  it('posts exactly { ref, inputs } and resolves on 204', async () => {
    server.handle(() => ({ status: 204 }));
    await expect(dispatch({ issue: '276', prompt: 'triage' })).resolves.toBeUndefined();
    expect(server.requests).toEqual([
      {
        method: 'POST',
        url: PATH,
        authorization: `token ${FAKE_TOKEN}`,
        body: { ref: 'main', inputs: { issue: '276', prompt: 'triage' } },
      },
    ]);
  });

  it(`accepts exactly ${MAX_WORKFLOW_DISPATCH_INPUTS} inputs`, async () => {
    server.handle(() => ({ status: 204 }));
    await dispatch(inputsOf(10));
    expect(server.requests[0]?.body).toEqual({ ref: 'main', inputs: inputsOf(10) });
  });

  it('rejects more than 10 inputs with InvalidInputError and sends nothing', async () => {
    const error: unknown = await dispatch(inputsOf(11)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      message: 'dispatchWorkflow: 11 inputs given, GitHub accepts at most 10',
      issues: ['inputs: at most 10 inputs are allowed'],
      exitCode: 2,
    });
    expect(server.requests).toEqual([]);
  });

  it.each([
    [{ issue: 276 }, ['inputs.issue: must be a string']],
    [null, ['inputs: must be an object of strings']],
  ])('rejects inputs %j with InvalidInputError and sends nothing', async (inputs, issues) => {
    await expect(dispatch(inputs as unknown as Record<string, string>)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      issues,
    });
    expect(server.requests).toEqual([]);
  });

  it('throws an http error with GitHub’s reason on 422', async () => {
    server.handle(() => ({
      status: 422,
      json: { message: 'Unexpected inputs provided: ["nope"]', documentation_url: 'https://docs' },
    }));
    const error: unknown = await dispatch({ nope: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 422,
      message: `GitHub API POST ${PATH}: 422 Unprocessable Entity (Unexpected inputs provided: ["nope"])`,
    });
    expect(errorChainJson(error)).not.toContain(FAKE_TOKEN);
    expect(errorChainJson(error)).not.toMatch(/authorization/i);
  });

  it('throws InvalidInputError and sends nothing without a ref', async () => {
    await expect(
      dispatchWorkflow(client, {
        owner: 'octo',
        repo: 'rc',
        workflowFile: 'x.yml',
        ref: '',
        inputs: {},
      }),
    ).rejects.toMatchObject({ issues: ['ref: must be a non-empty string'] });
    expect(server.requests).toEqual([]);
  });
});
