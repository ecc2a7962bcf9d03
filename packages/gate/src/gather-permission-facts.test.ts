import { describe, expect, it } from 'vitest';
import { issueComment, workflowDispatch } from '../test/issue-comment';
import { policyOf } from '../test/policy';
import { gatherPermissionFacts } from './gather-permission-facts';
import type { RoleEvidence, RoleSource, RoleSourceName, TeamEvidence } from './role-source';

function recordingSource(
  name: RoleSourceName,
  role: RoleEvidence | Error,
  team: TeamEvidence = { status: 'unknown', reason: 'not listed' },
  log: string[] = [],
): RoleSource {
  return {
    name,
    lookupRole: (login) => {
      log.push(`${name} role ${login}`);
      return role instanceof Error ? Promise.reject(role) : Promise.resolve(role);
    },
    lookupTeam: (org, slug, login) => {
      log.push(`${name} team ${org}/${slug} ${login}`);
      return Promise.resolve(team);
    },
  };
}

const unknown: RoleEvidence = { status: 'unknown', reason: 'not listed' };

describe('gatherPermissionFacts', () => {
  it('asks sources in policy order and stops at the first that knows', async () => {
    const log: string[] = [];
    const facts = await gatherPermissionFacts(issueComment({ login: 'alice' }), policyOf(), [
      recordingSource('api', { status: 'known', role: 'read' }, undefined, log),
      recordingSource('env', { status: 'known', role: 'admin' }, undefined, log),
      recordingSource('roles-file', unknown, undefined, log),
    ]);
    expect(facts).toEqual({
      actor: 'alice',
      role: { status: 'known', role: 'admin', source: 'env' },
      teams: [],
    });
    expect(log).toEqual(['roles-file role alice', 'env role alice']);
  });

  it('ignores sources the policy does not list', async () => {
    const log: string[] = [];
    const facts = await gatherPermissionFacts(
      issueComment({ login: 'alice' }),
      policyOf({ role_sources: ['env'] }),
      [recordingSource('api', { status: 'known', role: 'admin' }, undefined, log)],
    );
    expect(facts.role).toEqual({ status: 'unknown', reasons: ['no role source is configured'] });
    expect(facts.teams).toEqual([
      {
        team: 'Codertocat/releasecopilot-maintainers',
        state: 'unknown',
        source: null,
        reasons: ['no role source is configured'],
      },
    ]);
    expect(log).toEqual([]);
  });

  it('collects every source reason and survives a source that throws', async () => {
    const facts = await gatherPermissionFacts(issueComment({ login: 'alice' }), policyOf(), [
      recordingSource('roles-file', unknown),
      recordingSource('env', new Error('boom\nstack')),
      recordingSource(
        'api',
        { status: 'unknown', reason: '404 Not Found' },
        { status: 'known', state: 'pending' },
      ),
    ]);
    expect(facts.role).toEqual({
      status: 'unknown',
      reasons: ['roles-file: not listed', 'env: boom', 'api: 404 Not Found'],
    });
    expect(facts.teams).toEqual([
      {
        team: 'Codertocat/releasecopilot-maintainers',
        state: 'pending',
        source: 'api',
        reasons: [],
      },
    ]);
  });

  it('asks no team when the role suffices or the user is allowed by name', async () => {
    const log: string[] = [];
    const api = recordingSource('api', { status: 'known', role: 'read' }, undefined, log);
    await gatherPermissionFacts(
      issueComment({ login: 'alice' }),
      policyOf({ allowed_roles: ['read'] }),
      [api],
    );
    await gatherPermissionFacts(
      issueComment({ login: 'Alice' }),
      policyOf({ allowed_users: ['alice'] }),
      [api],
    );
    expect(log).toEqual(['api role alice', 'api role Alice']);
  });

  it('stops asking teams at the first active membership', async () => {
    const log: string[] = [];
    const api = recordingSource('api', unknown, { status: 'known', state: 'active' }, log);
    const facts = await gatherPermissionFacts(
      issueComment({ login: 'alice' }),
      policyOf({ allowed_teams: ['o/one', 'o/two'] }),
      [api],
    );
    expect(facts.teams.map((team) => team.team)).toEqual(['o/one']);
    expect(log).toEqual(['api role alice', 'api team o/one alice']);
  });

  it.each([
    ['a workflow_dispatch event', workflowDispatch(), null],
    ['a deleted comment', issueComment({ action: 'deleted', login: 'alice' }), 'alice'],
    ['a comment without the command', issueComment({ login: 'alice', body: 'lgtm' }), 'alice'],
  ])('looks nothing up for %s', async (_name, event, actor) => {
    const log: string[] = [];
    const facts = await gatherPermissionFacts(event, policyOf(), [
      recordingSource('api', unknown, undefined, log),
    ]);
    expect(facts).toEqual({ actor, role: { status: 'not-asked' }, teams: [] });
    expect(log).toEqual([]);
  });
});
