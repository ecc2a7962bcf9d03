import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueComment } from '../test/issue-comment';
import { decidePermission } from './decide-permission';
import type { PermissionFacts, TeamFact } from './gather-permission-facts';
import type { GatePolicy } from './resolve-gate-policy';

// The oracle's own ranking, written independently of the implementation's helpers.
const RANK = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 } as const;
type Role = keyof typeof RANK;
const roles = fc.constantFrom<Role>('read', 'triage', 'write', 'maintain', 'admin');
const TEAMS = ['Codertocat/core', 'other/ops'];

const scenario = fc.record({
  action: fc.constantFrom<'created' | 'edited' | 'deleted'>('created', 'edited', 'deleted'),
  onPullRequest: fc.boolean(),
  hasLabel: fc.boolean(),
  bot: fc.boolean(),
  commandFirst: fc.boolean(),
  role: fc.option(roles, { nil: undefined }),
  roleAsked: fc.boolean(),
  memberships: fc.array(fc.constantFrom('active', 'pending', 'none', 'unknown'), {
    minLength: 2,
    maxLength: 2,
  }),
  factsAboutActor: fc.oneof(
    { arbitrary: fc.constant(true), weight: 9 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  policy: fc.record({
    minimumRole: roles,
    allowedByName: fc.boolean(),
    botListed: fc.boolean(),
    requireLabel: fc.boolean(),
    allowEdited: fc.boolean(),
    contexts: fc.subarray(['issue', 'pull_request'] as const, { minLength: 1 }),
    teams: fc.subarray(['core', 'other/ops']),
  }),
});

describe('decidePermission (property)', () => {
  it('allows iff every condition holds, and ignores only deleted comments', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const login = s.bot ? 'helper[bot]' : 'alice';
        const event = issueComment({
          action: s.action,
          login,
          userType: s.bot ? 'Bot' : 'User',
          body: s.commandFirst ? '/orchestrate #1 prompt=x\nmore' : 'note\n/orchestrate #1',
          pullRequest: s.onPullRequest,
          labels: s.hasLabel ? ['bug', 'wave:wave2'] : ['bug'],
        });
        const policy: GatePolicy = {
          command: 'orchestrate',
          minimumRole: s.policy.minimumRole,
          allowedUsers: s.policy.allowedByName ? [login] : ['someone-else'],
          allowedTeams: s.policy.teams.map((t) =>
            t.includes('/')
              ? { org: t.split('/')[0] ?? '', slug: t.split('/')[1] ?? '' }
              : { org: null, slug: t },
          ),
          allowedBots: s.policy.botListed ? [login] : [],
          requiredLabel: s.policy.requireLabel ? 'wave:wave2' : null,
          allowEdited: s.policy.allowEdited,
          contexts: [...s.policy.contexts],
          rolesFile: null,
          roleSources: ['api'],
          apiTimeoutMs: 1000,
        };
        const teams: TeamFact[] = TEAMS.map((team, i) => ({
          team,
          state: s.memberships[i] as TeamFact['state'],
          source: s.memberships[i] === 'unknown' ? null : 'api',
          reasons: s.memberships[i] === 'unknown' ? ['api: 500'] : [],
        }));
        const facts: PermissionFacts = {
          actor: s.factsAboutActor ? login : 'someone-else',
          role: !s.roleAsked
            ? { status: 'not-asked' }
            : s.role === undefined
              ? { status: 'unknown', reasons: ['api: 404'] }
              : { status: 'known', role: s.role, source: 'api' },
          teams,
        };

        const allowedTeamNames = s.policy.teams.map((t) =>
          t.includes('/') ? t : `Codertocat/${t}`,
        );
        const activeTeam = TEAMS.some(
          (team, i) => s.memberships[i] === 'active' && allowedTeamNames.includes(team),
        );
        const roleOk =
          s.roleAsked && s.role !== undefined && RANK[s.role] >= RANK[s.policy.minimumRole];
        const expected =
          (s.action === 'created' || (s.action === 'edited' && s.policy.allowEdited)) &&
          s.commandFirst &&
          s.policy.contexts.includes(s.onPullRequest ? 'pull_request' : 'issue') &&
          (!s.policy.requireLabel || s.hasLabel) &&
          (!s.bot || s.policy.botListed) &&
          s.factsAboutActor &&
          (roleOk || s.policy.allowedByName || activeTeam);

        const decision = decidePermission(event, policy, facts);
        expect(decision.allowed).toBe(expected);
        expect(decision.ignored).toBe(s.action === 'deleted');
        expect(decision.actor).toBe(login);
        expect(decision.reasons.length).toBeGreaterThan(0);
        for (const reason of decision.reasons) expect(reason).toMatch(/^[a-z]+: [^\n]+$/);
        if (decision.allowed) expect(decision.source).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
