import { REPOSITORY_ROLES } from '@rc/orchestrator-core';
import { oneLine } from './_one-line';
import { isRepositoryRole } from './_role-rank';
import { withTimeout } from './_with-timeout';
import type { RoleSource, TeamEvidence } from './role-source';

/**
 * The GitHub calls the gate needs, as plain functions so that the CLI can adapt `@rc/github`
 * and tests can fake them. Errors (404, 403, network, ...) may be thrown: they become denials.
 */
export interface GitHubPermissionApi {
  /** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`: the `role_name`. */
  getCollaboratorRole(params: { owner: string; repo: string; username: string }): Promise<string>;
  /** `GET /orgs/{org}/teams/{team_slug}/memberships/{username}`: `state`, or null when not a member. */
  getTeamMembershipState(params: {
    org: string;
    teamSlug: string;
    username: string;
  }): Promise<'active' | 'pending' | null>;
}

/** Options of {@link apiRoleSource}. */
export interface ApiRoleSourceOptions {
  /** How long one call may take before it counts as unknown. @default 5000 */
  timeoutMs?: number;
}

/**
 * A source asking the GitHub REST API. Only the five repository roles are proof: a custom role
 * (or `none`) is unknown, and so is anything thrown, with its message on one line.
 */
export function apiRoleSource(
  api: GitHubPermissionApi,
  repo: { owner: string; repo: string },
  options: ApiRoleSourceOptions = {},
): RoleSource {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    name: 'api',
    async lookupRole(login) {
      try {
        const role = await withTimeout(
          api.getCollaboratorRole({ owner: repo.owner, repo: repo.repo, username: login }),
          timeoutMs,
          'collaborator permission lookup',
        );
        if (isRepositoryRole(role)) return { status: 'known', role };
        return {
          status: 'unknown',
          reason: `role "${oneLine(role)}" is not one of ${REPOSITORY_ROLES.join(', ')} (custom roles are not proof)`,
        };
      } catch (error) {
        return { status: 'unknown', reason: oneLine(error) };
      }
    },
    async lookupTeam(org, team, login): Promise<TeamEvidence> {
      try {
        const state = await withTimeout(
          api.getTeamMembershipState({ org, teamSlug: team, username: login }),
          timeoutMs,
          'team membership lookup',
        );
        if (state === null) return { status: 'known', state: 'none' };
        if (state === 'active' || state === 'pending') return { status: 'known', state };
        return { status: 'unknown', reason: `unexpected membership state "${oneLine(state)}"` };
      } catch (error) {
        return { status: 'unknown', reason: oneLine(error) };
      }
    },
  };
}
