import { GitHubApiError } from './github-api-error';
import { malformedResponse, requestGitHub, responseObject } from './_request-github';
import { requireText } from './_require-text';
import type { GitHubClient } from './create-github-client';

/** Arguments of `getTeamMembershipState`. */
export interface GetTeamMembershipStateOptions {
  /** The organisation that owns the team. */
  org: string;
  /** The team's slug (`release-managers`), not its display name. */
  teamSlug: string;
  /** The login whose membership is looked up. */
  username: string;
}

/** A team membership: `active`, or `pending` while the invitation is not yet accepted. */
export type TeamMembershipState = 'active' | 'pending';

/**
 * `username`'s membership of `org/teamSlug`, or null when GitHub answers 404 (not a member, or
 * a team the token cannot see). Other failures throw `GitHubApiError`; so does a `state` other
 * than `active` or `pending` (`malformed`).
 */
export async function getTeamMembershipState(
  client: GitHubClient,
  options: GetTeamMembershipStateOptions,
): Promise<TeamMembershipState | null> {
  const { org, teamSlug, username } = options;
  requireText('getTeamMembershipState', { org, teamSlug, username });
  let response;
  try {
    response = await requestGitHub(
      client,
      'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
      {
        org,
        team_slug: teamSlug,
        username,
      },
    );
  } catch (error) {
    if (error instanceof GitHubApiError && error.kind === 'http' && error.status === 404)
      return null;
    throw error;
  }
  const state = responseObject(response)['state'];
  if (state === 'active' || state === 'pending') return state;
  throw malformedResponse(
    response,
    typeof state === 'string'
      ? `response has an unexpected state: ${JSON.stringify(state.slice(0, 40))}`
      : 'response has no state',
  );
}
