import { GateConfigSchema } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { resolveGatePolicy } from './resolve-gate-policy';

const defaults = GateConfigSchema.parse({});

describe('resolveGatePolicy', () => {
  it('turns the default gate section into the default policy: roles only, no team, no label', () => {
    expect(resolveGatePolicy(defaults, {})).toEqual({
      ok: true,
      value: {
        command: 'orchestrate',
        minimumRole: 'triage',
        allowedUsers: [],
        allowedTeams: [],
        allowedBots: [],
        requiredLabel: null,
        allowEdited: false,
        contexts: ['issue'],
        rolesFile: null,
        roleSources: ['roles-file', 'env', 'api'],
        apiTimeoutMs: 5000,
      },
    });
  });

  it('uses the lowest role listed as the minimum', () => {
    const gate = GateConfigSchema.parse({ allowed_roles: ['admin', 'write', 'maintain'] });
    expect(resolveGatePolicy(gate, {})).toMatchObject({ value: { minimumRole: 'write' } });
    expect(resolveGatePolicy(defaults, { ALLOWED_ROLES: ' Admin , maintain' })).toMatchObject({
      value: { minimumRole: 'maintain' },
    });
  });

  it('fails naming an unknown role in ALLOWED_ROLES', () => {
    expect(resolveGatePolicy(defaults, { ALLOWED_ROLES: 'write,owner' })).toEqual({
      ok: false,
      issues: [
        'ALLOWED_ROLES: unknown role "owner" (expected read, triage, write, maintain, admin)',
      ],
    });
    expect(resolveGatePolicy(defaults, { ALLOWED_ROLES: ',,' })).toEqual({
      ok: false,
      issues: ['ALLOWED_ROLES: lists no role'],
    });
  });

  it('reads ALLOWED_USERS and ALLOWED_TEAMS as comma lists', () => {
    const result = resolveGatePolicy(defaults, {
      ALLOWED_USERS: '@Alice, bob',
      ALLOWED_TEAMS: 'octo-org/ops,core',
    });
    expect(result).toMatchObject({
      value: {
        allowedUsers: ['alice', 'bob'],
        allowedTeams: [
          { org: 'octo-org', slug: 'ops' },
          { org: null, slug: 'core' },
        ],
      },
    });
  });

  it('fails naming a malformed team', () => {
    expect(resolveGatePolicy(defaults, { ALLOWED_TEAMS: 'a/b/c' })).toEqual({
      ok: false,
      issues: ['ALLOWED_TEAMS: "a/b/c" is not org/team-slug'],
    });
  });

  it('treats blank list variables as unset and an empty REQUIRED_LABEL as no label', () => {
    const gate = GateConfigSchema.parse({ allowed_teams: ['maintainers'], required_label: 'go' });
    const result = resolveGatePolicy(gate, {
      ALLOWED_ROLES: ' ',
      ALLOWED_TEAMS: '',
      REQUIRED_LABEL: '',
    });
    expect(result).toMatchObject({
      value: {
        minimumRole: 'triage',
        allowedTeams: [{ org: null, slug: 'maintainers' }],
        requiredLabel: null,
      },
    });
    expect(resolveGatePolicy(gate, { ALLOWED_TEAMS: ' ' })).toMatchObject({
      value: { requiredLabel: 'go' },
    });
    expect(resolveGatePolicy(defaults, { REQUIRED_LABEL: 'go' })).toMatchObject({
      value: { requiredLabel: 'go' },
    });
  });

  it('reads gate.required_label: "" as no label, like REQUIRED_LABEL=""', () => {
    const gate = GateConfigSchema.parse({ required_label: '' });
    expect(resolveGatePolicy(gate, {})).toMatchObject({ value: { requiredLabel: null } });
    expect(resolveGatePolicy(gate, { REQUIRED_LABEL: 'go' })).toMatchObject({
      value: { requiredLabel: 'go' },
    });
  });
});
