import type { GitHubEvent, RepositoryRole } from '@rc/orchestrator-core';
import { hasCommand } from './_has-command';
import { oneLine } from './_one-line';
import { qualifyTeam } from './_qualify-team';
import { roleReaches } from './_role-rank';
import type { GatePolicy } from './resolve-gate-policy';
import type { RoleEvidence, RoleSource, RoleSourceName, TeamEvidence } from './role-source';

/** What the role sources said about the actor's role. */
export type RoleFact =
  | { status: 'known'; role: RepositoryRole; source: RoleSourceName }
  /** No source knew; one `source: reason` per source asked. */
  | { status: 'unknown'; reasons: string[] }
  /** Nothing was looked up (no command, not a comment, or a deleted one). */
  | { status: 'not-asked' };

/** What the role sources said about the actor's membership of one allowed team. */
export interface TeamFact {
  /** `org/team-slug`, a bare slug completed with the repository owner. */
  team: string;
  state: 'active' | 'pending' | 'none' | 'unknown';
  /** The source that knew, or null when none did. */
  source: RoleSourceName | null;
  /** For `unknown`: one `source: reason` per source asked. */
  reasons: string[];
}

/** Everything {@link decidePermission} needs to know that is not in the event or the policy. */
export interface PermissionFacts {
  /** The login the facts are about (`comment.user.login`), or null when there is none. */
  actor: string | null;
  role: RoleFact;
  teams: TeamFact[];
}

/**
 * Asks the sources, in `policy.roleSources` order, about the comment author's role, stopping at
 * the first that knows; asks about each allowed team (stopping at an active membership) only
 * when neither the role nor `allowed_users` already suffice. A comment that is not a command
 * costs no lookups. Its only side effects are the sources' own.
 */
export async function gatherPermissionFacts(
  event: GitHubEvent,
  policy: GatePolicy,
  sources: readonly RoleSource[],
): Promise<PermissionFacts> {
  if (event.name !== 'issue_comment')
    return { actor: null, role: { status: 'not-asked' }, teams: [] };
  const { comment, repository, action } = event.payload;
  const actor = comment.user.login;
  if (action === 'deleted' || !hasCommand(comment.body, policy.command)) {
    return { actor, role: { status: 'not-asked' }, teams: [] };
  }
  const ordered = policy.roleSources.flatMap((name) => sources.filter((s) => s.name === name));

  const role = await askRole(ordered, actor);

  const teams: TeamFact[] = [];
  const roleSuffices = role.status === 'known' && roleReaches(role.role, policy.minimumRole);
  if (!roleSuffices && !policy.allowedUsers.includes(actor.toLowerCase())) {
    for (const ref of policy.allowedTeams) {
      const team = qualifyTeam(ref, repository.owner.login);
      const fact = await askTeam(ordered, team, actor);
      teams.push(fact);
      if (fact.state === 'active') break;
    }
  }
  return { actor, role, teams };
}

async function askRole(sources: readonly RoleSource[], actor: string): Promise<RoleFact> {
  const reasons: string[] = [];
  for (const source of sources) {
    const evidence = await ask(() => source.lookupRole(actor));
    if (evidence.status === 'known') {
      return { status: 'known', role: evidence.role, source: source.name };
    }
    reasons.push(`${source.name}: ${oneLine(evidence.reason)}`);
  }
  if (reasons.length === 0) reasons.push('no role source is configured');
  return { status: 'unknown', reasons };
}

async function askTeam(
  sources: readonly RoleSource[],
  team: { org: string; slug: string; name: string },
  actor: string,
): Promise<TeamFact> {
  const reasons: string[] = [];
  for (const source of sources) {
    const evidence = await ask(() => source.lookupTeam(team.org, team.slug, actor));
    if (evidence.status === 'known') {
      return { team: team.name, state: evidence.state, source: source.name, reasons: [] };
    }
    reasons.push(`${source.name}: ${oneLine(evidence.reason)}`);
  }
  if (reasons.length === 0) reasons.push('no role source is configured');
  return { team: team.name, state: 'unknown', source: null, reasons };
}

// Sources promise never to throw; one that does is treated like any other error: unknown. What
// a source says goes through `oneLine` either way, so no source can put a secret in a reason.
async function ask<T extends RoleEvidence | TeamEvidence>(
  lookup: () => Promise<T>,
): Promise<T | { status: 'unknown'; reason: string }> {
  try {
    return await lookup();
  } catch (error) {
    return { status: 'unknown', reason: oneLine(error) };
  }
}
