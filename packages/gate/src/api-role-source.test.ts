import { describe, expect, it } from 'vitest';
import { apiRoleSource, type GitHubPermissionApi } from './api-role-source';

const REPO = { owner: 'octo-org', repo: 'rc' };

function api(overrides: Partial<GitHubPermissionApi>): GitHubPermissionApi {
  return {
    getCollaboratorRole: () => Promise.reject(new Error('not faked')),
    getTeamMembershipState: () => Promise.reject(new Error('not faked')),
    ...overrides,
  };
}

describe('apiRoleSource', () => {
  it.each(['read', 'triage', 'write', 'maintain', 'admin'] as const)(
    'knows role_name %s',
    async (role) => {
      const source = apiRoleSource(api({ getCollaboratorRole: () => Promise.resolve(role) }), REPO);
      expect(source.name).toBe('api');
      await expect(source.lookupRole('alice')).resolves.toEqual({ status: 'known', role });
    },
  );

  it('passes owner, repo and username through', async () => {
    const seen: unknown[] = [];
    const source = apiRoleSource(
      api({
        getCollaboratorRole: (params) => (seen.push(params), Promise.resolve('read')),
        getTeamMembershipState: (params) => (seen.push(params), Promise.resolve(null)),
      }),
      REPO,
    );
    await source.lookupRole('alice');
    await source.lookupTeam('octo-org', 'ops', 'alice');
    expect(seen).toEqual([
      { owner: 'octo-org', repo: 'rc', username: 'alice' },
      { org: 'octo-org', teamSlug: 'ops', username: 'alice' },
    ]);
  });

  it.each(['security-reviewer', 'none', 'Admin'])(
    'does not take role_name %s as proof',
    async (role) => {
      const source = apiRoleSource(api({ getCollaboratorRole: () => Promise.resolve(role) }), REPO);
      await expect(source.lookupRole('alice')).resolves.toEqual({
        status: 'unknown',
        reason: `role "${role}" is not one of read, triage, write, maintain, admin (custom roles are not proof)`,
      });
    },
  );

  it('keeps the first line of an error, masks tokens and bounds the length', async () => {
    const token = 'ghs_abcdefghijklmnopqrstuvwxyz0123456789';
    const source = apiRoleSource(
      api({
        getCollaboratorRole: () =>
          Promise.reject(new Error(`\n  401 Bad credentials ${token}\nstack...`)),
        getTeamMembershipState: () => Promise.reject(new Error('x'.repeat(500))),
      }),
      REPO,
    );
    await expect(source.lookupRole('alice')).resolves.toEqual({
      status: 'unknown',
      reason: '401 Bad credentials ***',
    });
    const team = await source.lookupTeam('o', 't', 'alice');
    expect(team.status === 'unknown' && team.reason.length).toBe(200);
  });

  it('turns thrown non-errors and empty messages into a reason', async () => {
    const source = apiRoleSource(
      api({
        getCollaboratorRole: () => Promise.reject('socket hang up' as unknown as Error),
        getTeamMembershipState: () => Promise.reject(new TypeError('')),
      }),
      REPO,
    );
    await expect(source.lookupRole('a')).resolves.toEqual({
      status: 'unknown',
      reason: 'socket hang up',
    });
    await expect(source.lookupTeam('o', 't', 'a')).resolves.toEqual({
      status: 'unknown',
      reason: 'TypeError',
    });
  });

  it('gives up after the timeout', async () => {
    const never = () => new Promise<never>(() => undefined);
    const source = apiRoleSource(
      api({ getCollaboratorRole: never, getTeamMembershipState: never }),
      REPO,
      {
        timeoutMs: 10,
      },
    );
    await expect(source.lookupRole('alice')).resolves.toEqual({
      status: 'unknown',
      reason: 'collaborator permission lookup timed out after 10 ms',
    });
    await expect(source.lookupTeam('o', 't', 'alice')).resolves.toEqual({
      status: 'unknown',
      reason: 'team membership lookup timed out after 10 ms',
    });
  });

  it.each([
    ['active', { status: 'known', state: 'active' }],
    ['pending', { status: 'known', state: 'pending' }],
    [null, { status: 'known', state: 'none' }],
    ['maybe', { status: 'unknown', reason: 'unexpected membership state "maybe"' }],
  ] as const)('maps membership state %s', async (state, evidence) => {
    const source = apiRoleSource(
      api({ getTeamMembershipState: () => Promise.resolve(state as 'active' | null) }),
      REPO,
    );
    await expect(source.lookupTeam('o', 't', 'alice')).resolves.toEqual(evidence);
  });
});
