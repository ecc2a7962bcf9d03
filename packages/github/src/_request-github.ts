import { createRedactor, redactUrlCredentials, type Redactor } from '@rc/orchestrator-core';
import { toGitHubApiError } from './_to-github-api-error';
import type { GitHubClient } from './create-github-client';
import { GitHubApiError } from './github-api-error';

/** A successful (2xx) answer, with the `METHOD /path` it answered, for follow-up errors. */
export interface GitHubResponse {
  readonly endpoint: string;
  readonly status: number;
  readonly data: unknown;
}

/**
 * Sends `route` (`'GET /repos/{owner}/{repo}'`) with `params` and returns the 2xx answer; any
 * failure becomes a `GitHubApiError`. The body is left `unknown`: callers check what they read.
 */
export async function requestGitHub(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
): Promise<GitHubResponse> {
  const endpoint = describeEndpoint(client, route, params);
  try {
    const response = await client.octokit.request(route, params);
    return { endpoint, status: response.status, data: response.data as unknown };
  } catch (error) {
    throw toGitHubApiError(error, {
      endpoint,
      timeoutMs: client.timeoutMs,
      redactor: redactorOf(client),
    });
  }
}

/** The answer's body as an object, or a `malformed` error when it is not a JSON object. */
export function responseObject(response: GitHubResponse): Record<string, unknown> {
  const { data } = response;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw malformedResponse(response, 'response is not valid JSON');
  }
  return data as Record<string, unknown>;
}

/** A `malformed` error for an answer that arrived but cannot be used. */
export function malformedResponse(response: GitHubResponse, detail: string): GitHubApiError {
  return new GitHubApiError(`GitHub API ${response.endpoint}: ${detail}`, {
    kind: 'malformed',
    status: response.status,
  });
}

function redactorOf(client: GitHubClient): Redactor {
  return client.redactor ?? createRedactor({ env: {} });
}

// `METHOD /path` with the parameters filled in exactly as Octokit will send them.
function describeEndpoint(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
): string {
  const { endpoint } = client.octokit.request;
  const { method, url } = endpoint(route, params);
  const baseUrl = endpoint.DEFAULTS.baseUrl;
  const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : redactUrlCredentials(url);
  return `${method} ${path}`;
}
