import type { RoleSource, RoleSourceName } from './role-source';

/**
 * A source that knows nothing, for one the policy lists but that cannot be used here (no roles
 * file configured, `RC_ROLES_JSON` unset, no API client). Its reason shows up in denials.
 */
export function unavailableRoleSource(name: RoleSourceName, reason: string): RoleSource {
  const unknown = () => Promise.resolve({ status: 'unknown' as const, reason });
  return { name, lookupRole: unknown, lookupTeam: unknown };
}
