import { REPOSITORY_ROLES, type RepositoryRole } from '@rc/orchestrator-core';

/** True when `value` is one of the five repository roles GitHub grants (not a custom role). */
export function isRepositoryRole(value: string): value is RepositoryRole {
  return (REPOSITORY_ROLES as readonly string[]).includes(value);
}

/** True when `role` is `minimum` or more privileged. */
export function roleReaches(role: RepositoryRole, minimum: RepositoryRole): boolean {
  return REPOSITORY_ROLES.indexOf(role) >= REPOSITORY_ROLES.indexOf(minimum);
}

/** The least privileged of `roles` (which must not be empty). */
export function lowestRole(roles: readonly RepositoryRole[]): RepositoryRole {
  return REPOSITORY_ROLES.find((role) => roles.includes(role)) ?? 'admin';
}
