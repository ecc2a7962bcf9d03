import { describe, expect, it } from 'vitest';
import { rolesTableSource } from './roles-table-source';

const source = rolesTableSource('env', {
  users: { octocat: 'maintain' },
  teams: { 'octo-org/maintainers': ['alice'] },
});

describe('rolesTableSource', () => {
  it('knows listed logins, case-insensitively', async () => {
    expect(source.name).toBe('env');
    await expect(source.lookupRole('OctoCat')).resolves.toEqual({
      status: 'known',
      role: 'maintain',
    });
    await expect(source.lookupRole('bob')).resolves.toEqual({
      status: 'unknown',
      reason: 'not listed',
    });
  });

  it('knows members of listed teams and nothing about other teams', async () => {
    await expect(source.lookupTeam('Octo-Org', 'maintainers', 'ALICE')).resolves.toEqual({
      status: 'known',
      state: 'active',
    });
    await expect(source.lookupTeam('octo-org', 'maintainers', 'bob')).resolves.toEqual({
      status: 'known',
      state: 'none',
    });
    await expect(source.lookupTeam('octo-org', 'ops', 'alice')).resolves.toEqual({
      status: 'unknown',
      reason: 'team octo-org/ops not listed',
    });
  });
});
