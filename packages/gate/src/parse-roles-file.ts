import {
  fail,
  ok,
  REPOSITORY_ROLES,
  type RepositoryRole,
  type Result,
} from '@rc/orchestrator-core';
import { isRepositoryRole } from './_role-rank';

/**
 * A pre-populated roles table, for offline use and tests. Keys and members are lower-cased,
 * because GitHub logins, orgs and team slugs are case-insensitive.
 */
export interface RolesTable {
  /** login -> repository role. */
  users: Record<string, RepositoryRole>;
  /** `org/team-slug` -> active members' logins. */
  teams: Record<string, string[]>;
}

/**
 * Validates a roles document (the roles file, or `RC_ROLES_JSON`):
 * `{ "users": { "octocat": "maintain" }, "teams": { "octo-org/maintainers": ["octocat"] } }`.
 * Both keys are optional; nothing else is allowed. Every problem is reported as `path: message`.
 */
export function parseRolesFile(json: unknown): Result<RolesTable> {
  if (!isObject(json)) return fail('(root): expected a JSON object with "users" and "teams"');
  const issues: string[] = [];
  for (const key of Object.keys(json)) {
    if (key !== 'users' && key !== 'teams')
      issues.push(`${key}: unknown key (expected users, teams)`);
  }
  const users: Record<string, RepositoryRole> = {};
  const teams: Record<string, string[]> = {};

  const rawUsers = json['users'] ?? {};
  if (!isObject(rawUsers)) issues.push('users: expected an object of login -> role');
  else {
    for (const [login, role] of Object.entries(rawUsers)) {
      if (typeof role === 'string' && isRepositoryRole(role)) users[login.toLowerCase()] = role;
      else {
        issues.push(
          `users.${login}: unknown role ${JSON.stringify(role)} (expected ${REPOSITORY_ROLES.join(', ')})`,
        );
      }
    }
  }

  const rawTeams = json['teams'] ?? {};
  if (!isObject(rawTeams)) issues.push('teams: expected an object of org/team-slug -> logins');
  else {
    for (const [team, members] of Object.entries(rawTeams)) {
      if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(team)) {
        issues.push(`teams.${team}: expected an org/team-slug key`);
      } else if (
        !Array.isArray(members) ||
        !members.every((m) => typeof m === 'string' && m !== '')
      ) {
        issues.push(`teams.${team}: expected an array of logins`);
      } else {
        teams[team.toLowerCase()] = members.map((member: string) => member.toLowerCase());
      }
    }
  }
  return issues.length > 0 ? fail(...issues) : ok({ users, teams });
}

/** Parses roles JSON text; `origin` names where it came from (a path, or `RC_ROLES_JSON`). */
export function parseRolesJson(text: string, origin: string): Result<RolesTable> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the text, which may hold a secret: say only what is wrong.
    return fail(`${origin}: not valid JSON`);
  }
  const result = parseRolesFile(json);
  return result.ok ? result : fail(...result.issues.map((issue) => `${origin}: ${issue}`));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
