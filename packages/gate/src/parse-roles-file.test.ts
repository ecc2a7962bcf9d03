import { describe, expect, it } from 'vitest';
import { parseRolesFile, parseRolesJson } from './parse-roles-file';

describe('parseRolesFile', () => {
  it('reads users and teams, lower-casing logins and team names', () => {
    const result = parseRolesFile({
      users: { OctoCat: 'maintain', hubot: 'read' },
      teams: { 'Octo-Org/ReleaseCopilot-Maintainers': ['OctoCat', 'alice'] },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        users: { octocat: 'maintain', hubot: 'read' },
        teams: { 'octo-org/releasecopilot-maintainers': ['octocat', 'alice'] },
      },
    });
  });

  it('accepts an empty document', () => {
    expect(parseRolesFile({})).toEqual({ ok: true, value: { users: {}, teams: {} } });
  });

  it('names the path of every problem', () => {
    const result = parseRolesFile({
      users: { alice: 'owner', bob: 3 },
      teams: { 'no-org': ['x'], 'o/t': 'alice', 'o/u': [''] },
      extra: true,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        'extra: unknown key (expected users, teams)',
        'users.alice: unknown role "owner" (expected read, triage, write, maintain, admin)',
        'users.bob: unknown role 3 (expected read, triage, write, maintain, admin)',
        'teams.no-org: expected an org/team-slug key',
        'teams.o/t: expected an array of logins',
        'teams.o/u: expected an array of logins',
      ],
    });
  });

  it.each([[null], [[]], ['x']])('rejects a non-object document (%j)', (json) => {
    expect(parseRolesFile(json)).toEqual({
      ok: false,
      issues: ['(root): expected a JSON object with "users" and "teams"'],
    });
  });

  it('rejects users or teams that are not objects', () => {
    expect(parseRolesFile({ users: [], teams: 'x' })).toEqual({
      ok: false,
      issues: [
        'users: expected an object of login -> role',
        'teams: expected an object of org/team-slug -> logins',
      ],
    });
  });
});

describe('parseRolesJson', () => {
  it('parses JSON text', () => {
    expect(parseRolesJson('{"users":{"a":"admin"}}', 'RC_ROLES_JSON')).toEqual({
      ok: true,
      value: { users: { a: 'admin' }, teams: {} },
    });
  });

  it('names the origin, and never echoes the text, when it is not JSON', () => {
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    expect(parseRolesJson(`{"users": ${secret}`, 'RC_ROLES_JSON')).toEqual({
      ok: false,
      issues: ['RC_ROLES_JSON: not valid JSON'],
    });
  });

  it('prefixes validation problems with the origin', () => {
    expect(parseRolesJson('{"users":{"a":"boss"}}', '.github/roles.json')).toEqual({
      ok: false,
      issues: [
        '.github/roles.json: users.a: unknown role "boss" (expected read, triage, write, maintain, admin)',
      ],
    });
  });
});
