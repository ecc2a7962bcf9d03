import { describe, expect, it } from 'vitest';
import { fakePermissionApi } from '../test/fake-permission-api';
import { issueComment } from '../test/issue-comment';
import { policyOf } from '../test/policy';
import { apiRoleSource } from './api-role-source';
import { checkPermission } from './check-permission';
import { loadRoleSources } from './load-role-sources';

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
