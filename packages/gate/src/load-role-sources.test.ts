import { describe, expect, it } from 'vitest';
import { fakePermissionApi } from '../test/fake-permission-api';
import { policyOf } from '../test/policy';
import { loadRoleSources } from './load-role-sources';

const repository = { owner: 'octo-org', repo: 'rc' };
const ROLES = '{"users":{"alice":"maintain"}}';

describe('loadRoleSources', () => {
  it('builds the listed sources in policy order', async () => {
    const result = await loadRoleSources({
      policy: policyOf({
        roles_file: '.github/rc-roles.json',
        role_sources: ['api', 'env', 'roles-file'],
      }),
      repository,
      env: { RC_ROLES_JSON: '{"users":{"bob":"write"}}' },
      readFile: (path) => Promise.resolve(path === '.github/rc-roles.json' ? ROLES : '{}'),
      api: fakePermissionApi({ roles: { carol: 'admin' } }),
    });
    if (!result.ok) throw new Error(result.issues.join());
    const [api, env, file] = result.value;
    expect(result.value.map((source) => source.name)).toEqual(['api', 'env', 'roles-file']);
    await expect(api?.lookupRole('carol')).resolves.toEqual({ status: 'known', role: 'admin' });
    await expect(env?.lookupRole('bob')).resolves.toEqual({ status: 'known', role: 'write' });
    await expect(file?.lookupRole('alice')).resolves.toEqual({ status: 'known', role: 'maintain' });
  });

  it('makes unusable sources know nothing, saying why', async () => {
    const reasons = async (options: Parameters<typeof loadRoleSources>[0]) => {
      const result = await loadRoleSources(options);
      if (!result.ok) throw new Error(result.issues.join());
      return Promise.all(
        result.value.map(async (source) => {
          const evidence = await source.lookupTeam('o', 't', 'alice');
          return evidence.status === 'unknown' ? `${source.name}: ${evidence.reason}` : 'known';
        }),
      );
    };
    expect(await reasons({ policy: policyOf(), repository, env: { RC_ROLES_JSON: ' ' } })).toEqual([
      'roles-file: gate.roles_file is not set',
      'env: RC_ROLES_JSON is not set',
      'api: no GitHub API client',
    ]);
    const withFile = policyOf({ roles_file: 'roles.json', role_sources: ['roles-file'] });
    expect(await reasons({ policy: withFile, repository, env: {} })).toEqual([
      'roles-file: cannot read roles.json',
    ]);
    const missing = () =>
      Promise.reject(new Error("ENOENT: no such file or directory, open 'roles.json'"));
    expect(await reasons({ policy: withFile, repository, env: {}, readFile: missing })).toEqual([
      "roles-file: cannot read roles.json: ENOENT: no such file or directory, open 'roles.json'",
    ]);
  });

  it('fails naming every malformed roles document', async () => {
    const result = await loadRoleSources({
      policy: policyOf({ roles_file: 'roles.json', role_sources: ['roles-file', 'env', 'env'] }),
      repository,
      env: { RC_ROLES_JSON: 'not json' },
      readFile: () => Promise.resolve('{"users":{"a":"owner"}}'),
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        'roles.json: users.a: unknown role "owner" (expected read, triage, write, maintain, admin)',
        'RC_ROLES_JSON: not valid JSON',
      ],
    });
  });
});
