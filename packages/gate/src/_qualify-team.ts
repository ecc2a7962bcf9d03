import type { TeamRef } from './resolve-gate-policy';

/** `org/slug` for a team, completing a bare slug with the repository owner. */
export function qualifyTeam(
  team: TeamRef,
  owner: string,
): { org: string; slug: string; name: string } {
  const org = team.org ?? owner;
  return { org, slug: team.slug, name: `${org}/${team.slug}` };
}
