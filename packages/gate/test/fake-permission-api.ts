import type { GitHubPermissionApi } from '../src/api-role-source';

/** What the fake API answers: a role_name or an error per login, team states per `org/slug`. */
export interface FakeApiData {
  roles?: Record<string, string | Error>;
  teams?: Record<string, Record<string, 'active' | 'pending' | Error>>;
}

/** A GitHubPermissionApi answering from plain data, recording every call. */
export function fakePermissionApi(data: FakeApiData): GitHubPermissionApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getCollaboratorRole({ owner, repo, username }) {
      calls.push(`role ${owner}/${repo} ${username}`);
      const answer = data.roles?.[username];
      if (answer instanceof Error) return Promise.reject(answer);
      if (answer === undefined) {
        return Promise.reject(
          new Error(
            `GitHub API GET /repos/${owner}/${repo}/collaborators/${username}/permission: 404 Not Found`,
          ),
        );
      }
      return Promise.resolve(answer);
    },
    getTeamMembershipState({ org, teamSlug, username }) {
      calls.push(`team ${org}/${teamSlug} ${username}`);
      const team = data.teams?.[`${org}/${teamSlug}`];
      const answer = team?.[username];
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve(answer ?? null);
    },
  };
}
