import type { RoleSource, RoleSourceName } from './role-source';
import type { RolesTable } from './parse-roles-file';

/**
 * A source answering from a roles table (the roles file or `RC_ROLES_JSON`). A login not in
 * `users` and a team not in `teams` are unknown; a listed team's members are active.
 */
export function rolesTableSource(name: RoleSourceName, table: RolesTable): RoleSource {
  return {
    name,
    lookupRole(login) {
      const role = table.users[login.toLowerCase()];
      return Promise.resolve(
        role === undefined
          ? { status: 'unknown', reason: 'not listed' }
          : { status: 'known', role },
      );
    },
    lookupTeam(org, team, login) {
      const members = table.teams[`${org}/${team}`.toLowerCase()];
      if (members === undefined) {
        return Promise.resolve({ status: 'unknown', reason: `team ${org}/${team} not listed` });
      }
      const state = members.includes(login.toLowerCase()) ? 'active' : 'none';
      return Promise.resolve({ status: 'known', state });
    },
  };
}
