import { describe, expect, it } from 'vitest';
import { fakePermissionApi } from '../test/fake-permission-api';
import { issueComment } from '../test/issue-comment';
import { policyOf } from '../test/policy';
import { apiRoleSource } from './api-role-source';
import { checkPermission } from './check-permission';
import { loadRoleSources } from './load-role-sources';
import type { RoleSource } from './role-source';

const TOKEN = 'ghp_FAKEfakeFAKEfakeFAKEfake0123456789';
const env = {
  GITHUB_TOKEN: TOKEN,
  GH_TOKEN: TOKEN,
  ALLOWED_USERS: 'frank',
  RC_ROLES_JSON: JSON.stringify({ users: { alice: 'maintain', bob: 'read' } }),
};
const bodies = [
  `/orchestrate #1 token=${TOKEN}`,
  `/orchestrate "${TOKEN}`,
  `${TOKEN}\n/orchestrate #1`,
  `please run with ${TOKEN}`,
];

describe('decision reasons', () => {
  it.each(bodies)('never contain a token from the body or the env (body %#)', async (body) => {
    const api = fakePermissionApi({
      roles: { carol: new Error(`401 Bad credentials for ${TOKEN}`), dave: TOKEN },
    });
    const policy = policyOf({ role_sources: ['env', 'api'] }, env);
    for (const login of ['alice', 'bob', 'carol', 'dave', 'frank', 'x[bot]']) {
      for (const action of ['created', 'edited', 'deleted'] as const) {
        const loaded = await loadRoleSources({
          policy,
          env,
          repository: { owner: 'Codertocat', repo: 'Hello-World' },
        });
        if (!loaded.ok) throw new Error(loaded.issues.join());
        const sources = [
          ...loaded.value.filter((s) => s.name !== 'api'),
          apiRoleSource(api, { owner: 'o', repo: 'r' }),
        ];
        const event = issueComment({ action, login, body });
        const decision = await checkPermission({ event, policy, sources });
        expect(JSON.stringify(decision)).not.toContain(TOKEN);
        expect(JSON.stringify(decision)).not.toContain('FAKEfake');
      }
    }
  });
});

describe('decision reasons and URL credentials', () => {
  const url = 'http://rcuser:Pw0rd-9x@ghe.example.com/api/v3/repos/o/r';
  // Long enough that the 200-character cut falls inside the credentials.
  const deep = new Error(`${'x'.repeat(180)} ${url}`, { cause: new Error(url) });

  it.each([
    ['thrown by the API, cut to length', { roles: { alice: deep } }],
    ['thrown by the API for a team', { teams: { 'o/t': { alice: new Error(`${url} failed`) } } }],
  ])('never contain a user or password of a URL %s', async (_name, data) => {
    const policy = policyOf({ role_sources: ['api'], allowed_teams: ['o/t'] });
    const sources = [apiRoleSource(fakePermissionApi(data), { owner: 'o', repo: 'r' })];
    const event = issueComment({ login: 'alice', body: '/orchestrate #1' });
    const decision = await checkPermission({ event, policy, sources });
    expect(decision.allowed).toBe(false);
    expect(JSON.stringify(decision)).not.toMatch(/rcuser|Pw0rd/);
  });

  it('strip them from the reason a role source returns, too', async () => {
    const policy = policyOf({ role_sources: ['env'], allowed_teams: ['o/t'] });
    const reason = `see ${url}\nand more`;
    const source: RoleSource = {
      name: 'env',
      lookupRole: () => Promise.resolve({ status: 'unknown', reason }),
      lookupTeam: () => Promise.resolve({ status: 'unknown', reason }),
    };
    const event = issueComment({ login: 'alice', body: '/orchestrate #1' });
    const decision = await checkPermission({ event, policy, sources: [source] });
    expect(decision.reasons.join('\n')).toContain(
      'env: see http://ghe.example.com/api/v3/repos/o/r',
    );
    expect(JSON.stringify(decision)).not.toMatch(/rcuser|Pw0rd/);
  });
});
