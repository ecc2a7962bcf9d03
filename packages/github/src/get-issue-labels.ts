import { malformedResponse, requestGitHub, responseObject } from './_request-github';
import { requireText } from './_require-text';
import type { GitHubClient } from './create-github-client';

/** Arguments of `getIssueLabels`. */
export interface GetIssueLabelsOptions {
  owner: string;
  repo: string;
  issueNumber: number;
}

/**
 * The label names of an issue or pull request: `GET /repos/{owner}/{repo}/issues/{issue_number}`.
 * Any failure throws `GitHubApiError`; a body without a `labels` array is `malformed`.
 */
export async function getIssueLabels(
  client: GitHubClient,
  options: GetIssueLabelsOptions,
): Promise<{ number: number; labels: string[] }> {
  const { owner, repo, issueNumber } = options;
  requireText('getIssueLabels', { owner, repo });
  const response = await requestGitHub(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}', {
    owner,
    repo,
    issue_number: issueNumber,
  });
  const labels = responseObject(response)['labels'];
  if (!Array.isArray(labels)) throw malformedResponse(response, 'response has no labels');
  const names = labels.map((label: unknown) =>
    typeof label === 'string' ? label : (label as { name?: unknown } | null)?.name,
  );
  if (!names.every((name): name is string => typeof name === 'string')) {
    throw malformedResponse(response, 'response has a label without a name');
  }
  return { number: issueNumber, labels: names };
}
