import { describe, expect, it } from 'vitest';
import { apiRoleSource } from '../src/api-role-source';
import { checkPermission } from '../src/check-permission';
import { parseRolesFile } from '../src/parse-roles-file';
import type { RoleSource } from '../src/role-source';
import { rolesTableSource } from '../src/roles-table-source';
import { fakePermissionApi, type FakeApiData } from './fake-permission-api';
import { GateConfigSchema } from '@rc/orchestrator-core';
import { resolveGatePolicy } from '../src/resolve-gate-policy';
import { issueComment, workflowDispatch, type CommentEdits } from './issue-comment';
import { policyOf } from './policy';

// The examples are in Codertocat/Hello-World, so a bare team slug means Codertocat/<slug>.
const REPO = { owner: 'Codertocat', repo: 'Hello-World' };
const MAINTAINERS = 'Codertocat/releasecopilot-maintainers';

function apiSources(data: FakeApiData): { sources: RoleSource[]; calls: string[] } {
  const api = fakePermissionApi(data);
  return { sources: [apiRoleSource(api, REPO)], calls: api.calls };
}

async function check(
  edits: CommentEdits,
  data: FakeApiData,
  gate: Parameters<typeof policyOf>[0] = {},
  env: Parameters<typeof policyOf>[1] = {},
) {
  const { sources } = apiSources(data);
  return checkPermission({ event: issueComment(edits), policy: policyOf(gate, env), sources });
}

describe('rc gate scenarios (webhooks-examples issue_comment, fake GitHub API)', () => {
  it('allows a maintainer commenting /orchestrate on a labelled issue', async () => {
    const decision = await check({ login: 'alice' }, { roles: { alice: 'maintain' } });
    expect(decision).toEqual({
      allowed: true,
      actor: 'alice',
      role: 'maintain',
      source: 'api',
      ignored: false,
      reasons: [
        'event: issue_comment created',
        'command: first line starts with /orchestrate',
        'context: issue comments are allowed',
        'label: issue #1 has wave:wave2',
        'role: alice has maintain (api), needs triage or above',
      ],
    });
  });

  it('with no orchestration.yaml asks no label and lets no team in: the role decides', async () => {
    const defaults = resolveGatePolicy(GateConfigSchema.parse({}), {});
    if (!defaults.ok) throw new Error(defaults.issues.join('\n'));
    // A member of a team named nowhere, on an issue with no label at all.
    const data = {
      roles: { alice: 'read', bob: 'write' },
      teams: { [MAINTAINERS]: { alice: 'active' as const } },
    };
    const decide = (login: string) =>
      checkPermission({
        event: issueComment({ login, labels: [] }),
        policy: defaults.value,
        sources: apiSources(data).sources,
      });
    const member = await decide('alice');
    expect(member).toMatchObject({ allowed: false, role: 'read' });
    expect(member.reasons).toContain('role: alice has read, needs triage or above');
    expect(member.reasons.join('\n')).not.toMatch(/team|label/);
    const writer = await decide('bob');
    expect(writer).toMatchObject({ allowed: true, role: 'write' });
    expect(writer.reasons.join('\n')).not.toMatch(/label/);
  });

  it('denies an outside collaborator with read', async () => {
    const decision = await check({ login: 'outsider' }, { roles: { outsider: 'read' } });
    expect(decision).toMatchObject({
      allowed: false,
      actor: 'outsider',
      role: 'read',
      source: 'api',
    });
    expect(decision.reasons).toContain('role: outsider has read, needs triage or above');
    expect(decision.reasons).toContain(`team: outsider is not a member of ${MAINTAINERS}`);
  });

  it('denies a comment whose first line is not the command, without any lookup', async () => {
    const { sources, calls } = apiSources({ roles: { alice: 'admin' } });
    const decision = await checkPermission({
      event: issueComment({ login: 'alice', body: 'thanks!\n/orchestrate #1' }),
      policy: policyOf(),
      sources,
    });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      'command: first line does not start with /orchestrate',
      'role: not looked up for alice',
    ]);
    expect(calls).toEqual([]);
  });

  it('denies /orchestrator: the command is a whole word', async () => {
    const decision = await check(
      { login: 'alice', body: '/orchestrator #1' },
      { roles: { alice: 'admin' } },
    );
    expect(decision.reasons[0]).toBe('command: first line does not start with /orchestrate');
  });

  it('denies an edited comment unless gate.allow_edited', async () => {
    const data = { roles: { alice: 'admin' } };
    const denied = await check({ action: 'edited', login: 'alice' }, data);
    expect(denied).toMatchObject({ allowed: false, role: 'admin', source: 'api' });
    expect(denied.reasons).toEqual([
      'action: edited comments are not allowed (gate.allow_edited is false)',
    ]);
    const allowed = await check({ action: 'edited', login: 'alice' }, data, { allow_edited: true });
    expect(allowed.allowed).toBe(true);
    expect(allowed.reasons[0]).toBe('event: issue_comment edited');
  });

  it('ignores a deleted comment (not allowed, no lookups)', async () => {
    const { sources, calls } = apiSources({ roles: { alice: 'admin' } });
    const decision = await checkPermission({
      event: issueComment({ action: 'deleted', login: 'alice' }),
      policy: policyOf(),
      sources,
    });
    expect(decision).toEqual({
      allowed: false,
      actor: 'alice',
      role: null,
      source: null,
      ignored: true,
      reasons: ['action: deleted comments are ignored'],
    });
    expect(calls).toEqual([]);
  });

  it('denies a bot author unless gate.allowed_bots lists it', async () => {
    const data = { roles: { 'octobot[bot]': 'write' } };
    const denied = await check({ login: 'octobot[bot]', userType: 'Bot' }, data);
    expect(denied.allowed).toBe(false);
    expect(denied.reasons).toEqual([
      'bot: octobot[bot] is a bot and not listed in gate.allowed_bots',
    ]);
    const allowed = await check({ login: 'octobot[bot]', userType: 'Bot' }, data, {
      allowed_bots: ['octobot[bot]'],
    });
    expect(allowed).toMatchObject({ allowed: true, role: 'write', source: 'api' });
    expect(allowed.reasons).toContain('bot: octobot[bot] is listed in gate.allowed_bots');
  });

  it('treats a login ending in [bot] as a bot whatever its type', async () => {
    const decision = await check(
      { login: 'sneaky[bot]', userType: 'User' },
      { roles: { 'sneaky[bot]': 'admin' } },
    );
    expect(decision.reasons).toEqual([
      'bot: sneaky[bot] is a bot and not listed in gate.allowed_bots',
    ]);
  });

  it('denies a pull-request comment by default and allows it when contexts include it', async () => {
    const data = { roles: { alice: 'write' } };
    const denied = await check({ login: 'alice', pullRequest: true, number: 7 }, data);
    expect(denied.reasons).toEqual(['context: pull_request comments are not allowed']);
    const allowed = await check({ login: 'alice', pullRequest: true, number: 7 }, data, {
      contexts: ['issue', 'pull_request'],
    });
    expect(allowed.allowed).toBe(true);
    expect(allowed.reasons).toContain('label: pull request #7 has wave:wave2');
  });

  it('denies an issue without the required label, and follows REQUIRED_LABEL', async () => {
    const data = { roles: { alice: 'admin' } };
    const denied = await check({ login: 'alice', labels: ['bug'], number: 12 }, data);
    expect(denied.reasons).toEqual(['label: issue #12 lacks required label wave:wave2']);
    expect(
      (await check({ login: 'alice', labels: ['bug'] }, data, {}, { REQUIRED_LABEL: '' })).allowed,
    ).toBe(true);
    expect(
      (await check({ login: 'alice', labels: ['go'] }, data, { required_label: 'go' })).allowed,
    ).toBe(true);
  });

  it.each([
    ['triage', 'triage', true],
    ['triage', 'maintain', false],
    ['maintain', 'maintain', true],
    ['admin', 'maintain', true],
    ['write', 'admin', false],
  ] as const)(
    'with role %s and ALLOWED_ROLES=%s allows: %s',
    async (role, allowedRoles, allowed) => {
      const decision = await check(
        { login: 'alice' },
        { roles: { alice: role } },
        { allowed_teams: [] },
        { ALLOWED_ROLES: allowedRoles },
      );
      expect(decision.allowed).toBe(allowed);
      if (!allowed) {
        expect(decision.reasons).toEqual([
          `role: alice has ${role}, needs ${allowedRoles} or above`,
        ]);
      }
    },
  );

  it('allows an active team member and denies a pending one', async () => {
    const teams = { [MAINTAINERS]: { carol: 'active' as const, dave: 'pending' as const } };
    const roles = { carol: 'read', dave: 'read' };
    const active = await check({ login: 'carol' }, { roles, teams });
    expect(active).toMatchObject({ allowed: true, role: 'read', source: 'team' });
    expect(active.reasons).toContain(`team: carol is an active member of ${MAINTAINERS} (api)`);
    const pending = await check({ login: 'dave' }, { roles, teams });
    expect(pending.allowed).toBe(false);
    expect(pending.reasons).toContain(
      `team: dave is a pending, not active, member of ${MAINTAINERS}`,
    );
  });

  it('asks teams from ALLOWED_TEAMS, with or without an org', async () => {
    const { sources, calls } = apiSources({
      roles: { erin: 'read' },
      teams: { 'other-org/ops': { erin: 'active' } },
    });
    const decision = await checkPermission({
      event: issueComment({ login: 'erin' }),
      policy: policyOf({}, { ALLOWED_TEAMS: 'core, other-org/ops' }),
      sources,
    });
    expect(decision).toMatchObject({ allowed: true, source: 'team' });
    expect(calls).toEqual([
      'role Codertocat/Hello-World erin',
      'team Codertocat/core erin',
      'team other-org/ops erin',
    ]);
  });

  it('allows a user listed by name, whatever the API says', async () => {
    const decision = await check({ login: 'Frank' }, {}, {}, { ALLOWED_USERS: 'someone,frank' });
    expect(decision).toMatchObject({
      allowed: true,
      actor: 'Frank',
      role: null,
      source: 'allowed-users',
    });
    expect(decision.reasons).toContain('user: Frank is listed in gate.allowed_users');
  });

  it('denies on a 404 or an API error, naming it on one line', async () => {
    const notFound = await check({ login: 'ghost' }, {}, { allowed_teams: [] });
    expect(notFound.reasons).toEqual([
      'role: no role source knew ghost (api: GitHub API GET /repos/Codertocat/Hello-World/collaborators/ghost/permission: 404 Not Found)',
    ]);
    const failing = await check(
      { login: 'alice' },
      {
        roles: { alice: new Error('GitHub API GET /x: 502 Bad Gateway\n<html>oops</html>') },
        teams: { [MAINTAINERS]: { alice: new Error('connect ECONNREFUSED 127.0.0.1:1') } },
      },
    );
    expect(failing.allowed).toBe(false);
    expect(failing.reasons).toEqual([
      'role: no role source knew alice (api: GitHub API GET /x: 502 Bad Gateway)',
      `team: could not check alice in ${MAINTAINERS} (api: connect ECONNREFUSED 127.0.0.1:1)`,
    ]);
  });

  it('denies a custom repository role', async () => {
    const decision = await check(
      { login: 'alice' },
      { roles: { alice: 'security-reviewer' } },
      { allowed_teams: [] },
    );
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      'role: no role source knew alice (api: role "security-reviewer" is not one of read, triage, write, maintain, admin (custom roles are not proof))',
    ]);
  });

  it('decides on comment.user, never on sender or author_association', async () => {
    const decision = await check(
      { login: 'stranger', sender: { login: 'Codertocat' }, authorAssociation: 'OWNER' },
      { roles: { Codertocat: 'admin' } },
    );
    expect(decision).toMatchObject({ allowed: false, actor: 'stranger', role: null });
  });

  it('asks the roles file first and stops there when it knows the role', async () => {
    const table = parseRolesFile({ users: { alice: 'write' } });
    if (!table.ok) throw new Error('bad table');
    const { sources, calls } = apiSources({ roles: { alice: 'read' } });
    const decision = await checkPermission({
      event: issueComment({ login: 'alice' }),
      policy: policyOf(),
      sources: [...sources, rolesTableSource('roles-file', table.value)],
    });
    expect(decision).toMatchObject({ allowed: true, role: 'write', source: 'roles-file' });
    expect(calls).toEqual([]);
  });

  it('denies an event that is not issue_comment', async () => {
    const decision = await checkPermission({
      event: workflowDispatch(),
      policy: policyOf(),
      sources: [],
    });
    expect(decision).toEqual({
      allowed: false,
      actor: null,
      role: null,
      source: null,
      ignored: false,
      reasons: ['event: workflow_dispatch is not issue_comment'],
    });
  });
});
