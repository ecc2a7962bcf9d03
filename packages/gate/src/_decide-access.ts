import type { RepositoryRole } from '@rc/orchestrator-core';
import { qualifyTeam } from './_qualify-team';
import { roleReaches } from './_role-rank';
import type { DecisionSource } from './permission-decision';
import type { PermissionFacts } from './gather-permission-facts';
import type { GatePolicy } from './resolve-gate-policy';
import type { RoleSourceName } from './role-source';

interface Access {
  granted: boolean;
  role: RepositoryRole | null;
  source: DecisionSource | null;
  /** Where `role` came from. */
  roleSource: RoleSourceName | null;
  /** The grounds when granted, every failed alternative when not. */
  reasons: string[];
}

/** Decides the access condition: a role reaching the minimum, a listed login, or an active team. */
export function decideAccess(
  actor: string,
  owner: string,
  policy: GatePolicy,
  facts: PermissionFacts,
): Access {
  if (facts.actor?.toLowerCase() !== actor.toLowerCase()) {
    const about = facts.actor ?? 'nobody';
    return {
      granted: false,
      role: null,
      source: null,
      roleSource: null,
      reasons: [`facts: gathered for ${about}, not ${actor}`],
    };
  }
  const min = policy.minimumRole;
  const known = facts.role.status === 'known' ? facts.role : null;
  const role = known?.role ?? null;
  const roleSource = known?.source ?? null;
  if (known !== null && roleReaches(known.role, min)) {
    return {
      granted: true,
      role,
      roleSource,
      source: known.source,
      reasons: [`role: ${actor} has ${known.role} (${known.source}), needs ${min} or above`],
    };
  }
  if (policy.allowedUsers.includes(actor.toLowerCase())) {
    return {
      granted: true,
      role,
      roleSource,
      source: 'allowed-users',
      reasons: [`user: ${actor} is listed in gate.allowed_users`],
    };
  }
  const allowedTeams = policy.allowedTeams.map((team) => qualifyTeam(team, owner).name);
  const teamFacts = allowedTeams.flatMap((name) =>
    facts.teams.filter((fact) => fact.team.toLowerCase() === name.toLowerCase()),
  );
  const active = teamFacts.find((fact) => fact.state === 'active');
  if (active !== undefined) {
    return {
      granted: true,
      role,
      roleSource,
      source: 'team',
      reasons: [
        `team: ${actor} is an active member of ${active.team} (${active.source ?? 'unknown'})`,
      ],
    };
  }

  const reasons: string[] = [];
  if (facts.role.status === 'known') {
    reasons.push(`role: ${actor} has ${facts.role.role}, needs ${min} or above`);
  } else if (facts.role.status === 'unknown') {
    reasons.push(`role: no role source knew ${actor} (${facts.role.reasons.join('; ')})`);
  } else {
    reasons.push(`role: not looked up for ${actor}`);
  }
  for (const fact of teamFacts) {
    if (fact.state === 'none') reasons.push(`team: ${actor} is not a member of ${fact.team}`);
    else if (fact.state === 'pending') {
      reasons.push(`team: ${actor} is a pending, not active, member of ${fact.team}`);
    } else
      reasons.push(`team: could not check ${actor} in ${fact.team} (${fact.reasons.join('; ')})`);
  }
  return { granted: false, role, roleSource, source: null, reasons };
}
