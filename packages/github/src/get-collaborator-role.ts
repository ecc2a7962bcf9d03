import { malformedResponse, requestGitHub, responseObject } from './_request-github';
import { requireText } from './_require-text';
import type { GitHubClient } from './create-github-client';

/** Arguments of `getCollaboratorRole`. */
export interface GetCollaboratorRoleOptions {
  /** Repository owner (user or organisation). */
  owner: string;
  /** Repository name. */
  repo: string;
  /** The login whose role is looked up. */
  username: string;
}

/**
 * The role `username` has on `owner/repo`: `admin`, `maintain`, `write`, `triage`, `read`,
 * or a custom role's name. Reads `role_name`, not the legacy `permission` field, which
 * folds maintain into write and triage into read. Throws `GitHubApiError` (`http` for a non-2xx
 * answer, `malformed` when `role_name` is missing).
 */
export async function getCollaboratorRole(
  client: GitHubClient,
  options: GetCollaboratorRoleOptions,
): Promise<string> {
  const { owner, repo, username } = options;
  requireText('getCollaboratorRole', { owner, repo, username });
  const response = await requestGitHub(
    client,
    'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
    { owner, repo, username },
  );
  const role = responseObject(response)['role_name'];
  if (typeof role !== 'string' || role === '') {
    throw malformedResponse(response, 'response has no role_name');
  }
  return role;
}
