import {
  fail,
  ok,
  REPOSITORY_ROLES,
  type GateConfig,
  type RepositoryRole,
  type Result,
} from '@rc/orchestrator-core';
import { isRepositoryRole, lowestRole } from './_role-rank';
import type { RoleSourceName } from './role-source';

/** An allowed team; `org` is null when written as a bare slug (the repository owner is used). */
export interface TeamRef {
  org: string | null;
  slug: string;
}

/** Where a comment may be made: on an issue or on a pull request. */
export type CommentContext = 'issue' | 'pull_request';

/** The `gate` section with environment overrides applied: what {@link decidePermission} enforces. */
export interface GatePolicy {
  /** The command that must start the comment's first line, without the slash. */
  command: string;
  /** The lowest allowed role; it and every role above it are allowed. */
  minimumRole: RepositoryRole;
  /** Logins allowed whatever their role, lower-cased. */
  allowedUsers: string[];
  /** Teams whose active members are allowed. */
  allowedTeams: TeamRef[];
  /** Bot logins that may command rc (still subject to every other condition), lower-cased. */
  allowedBots: string[];
  /** The label the issue must carry, or null for none. */
  requiredLabel: string | null;
  /** Whether an edited comment counts like a new one. */
  allowEdited: boolean;
  /** Where comments may be made. */
  contexts: CommentContext[];
  /** The JSON roles file (see {@link parseRolesFile}), relative to the repository root, or null. */
  rolesFile: string | null;
  /** The role sources to ask, in order. */
  roleSources: RoleSourceName[];
  /** How long one GitHub API call may take. */
  apiTimeoutMs: number;
}

/** The environment variables {@link resolveGatePolicy} reads. */
export type GatePolicyEnv = Readonly<Record<string, string | undefined>>;

const TEAM_PATTERN = /^(?:([A-Za-z0-9_.-]+)\/)?([A-Za-z0-9_.-]+)$/;

/**
 * Applies environment overrides to the validated `gate` section. `ALLOWED_ROLES`,
 * `ALLOWED_USERS` and `ALLOWED_TEAMS` are comma lists replacing the configured lists (blank
 * means "not set"); `REQUIRED_LABEL` replaces the label, the empty string meaning no label.
 * Fails naming the variable and the value it cannot use.
 */
export function resolveGatePolicy(gate: GateConfig, env: GatePolicyEnv): Result<GatePolicy> {
  const issues: string[] = [];

  const roleNames = commaList(env['ALLOWED_ROLES']) ?? gate.allowed_roles;
  const roles: RepositoryRole[] = [];
  for (const name of roleNames) {
    const role = name.toLowerCase();
    if (isRepositoryRole(role)) roles.push(role);
    else {
      issues.push(
        `ALLOWED_ROLES: unknown role "${name}" (expected ${REPOSITORY_ROLES.join(', ')})`,
      );
    }
  }

  if (roleNames.length === 0) issues.push('ALLOWED_ROLES: lists no role');

  const teamNames = commaList(env['ALLOWED_TEAMS']) ?? gate.allowed_teams;
  const teams: TeamRef[] = [];
  for (const name of teamNames) {
    const match = TEAM_PATTERN.exec(name);
    if (match?.[2] === undefined) issues.push(`ALLOWED_TEAMS: "${name}" is not org/team-slug`);
    else teams.push({ org: match[1] ?? null, slug: match[2] });
  }

  const users = (commaList(env['ALLOWED_USERS']) ?? gate.allowed_users).map((user) =>
    user.replace(/^@/, '').toLowerCase(),
  );
  const labelOverride = env['REQUIRED_LABEL'];
  const requiredLabel =
    (labelOverride === undefined ? gate.required_label : labelOverride.trim()) || null;

  if (issues.length > 0) return fail(...issues);
  return ok({
    command: gate.command,
    minimumRole: lowestRole(roles),
    allowedUsers: users,
    allowedTeams: teams,
    allowedBots: gate.allowed_bots.map((bot) => bot.toLowerCase()),
    requiredLabel,
    allowEdited: gate.allow_edited,
    contexts: [...gate.contexts],
    rolesFile: gate.roles_file,
    roleSources: [...gate.role_sources],
    apiTimeoutMs: gate.api_timeout_ms,
  });
}

function commaList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
