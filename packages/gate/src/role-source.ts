import type { RepositoryRole } from '@rc/orchestrator-core';

/** Where a role can come from, in the order `gate.role_sources` lists them. */
export type RoleSourceName = 'roles-file' | 'env' | 'api';

/** What a source knows about a login's repository role. */
export type RoleEvidence =
  | { status: 'known'; role: RepositoryRole }
  /** The source cannot prove a role: not listed, an error, a custom role... */
  | { status: 'unknown'; reason: string };

/** What a source knows about a login's membership of a team. */
export type TeamEvidence =
  /** `none`: the source knows the team, and the login is not in it. */
  { status: 'known'; state: 'active' | 'pending' | 'none' } | { status: 'unknown'; reason: string };

/**
 * One place to learn roles and team memberships from. Implementations never throw: anything
 * they cannot prove is `unknown` with a one-line reason, which the gate treats as a denial.
 */
export interface RoleSource {
  readonly name: RoleSourceName;
  lookupRole(login: string): Promise<RoleEvidence>;
  lookupTeam(org: string, team: string, login: string): Promise<TeamEvidence>;
}
