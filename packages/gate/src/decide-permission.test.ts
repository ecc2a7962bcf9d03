import { describe, expect, it } from 'vitest';
import { issueComment } from '../test/issue-comment';
import { policyOf } from '../test/policy';
import { decidePermission } from './decide-permission';
import type { PermissionFacts } from './gather-permission-facts';

const maintainer: PermissionFacts = {
  actor: 'alice',
  role: { status: 'known', role: 'maintain', source: 'roles-file' },
  teams: [],
};

describe('decidePermission', () => {
  it('allows with every ground listed', () => {
    expect(decidePermission(issueComment({ login: 'alice' }), policyOf(), maintainer)).toEqual({
      allowed: true,
      actor: 'alice',
      role: 'maintain',
      source: 'roles-file',
      ignored: false,
      reasons: [
        'event: issue_comment created',
        'command: first line starts with /orchestrate',
        'context: issue comments are allowed',
        'label: issue #1 has wave:wave2',
        'role: alice has maintain (roles-file), needs triage or above',
      ],
    });
  });

  it('lists every failed condition at once', () => {
    const event = issueComment({
      action: 'edited',
      login: 'octobot[bot]',
      body: 'please /orchestrate',
      pullRequest: true,
      labels: [],
      number: 12,
    });
    const facts: PermissionFacts = {
      actor: 'octobot[bot]',
      role: { status: 'known', role: 'triage', source: 'api' },
      teams: [],
    };
    const decision = decidePermission(event, policyOf({ allowed_roles: ['maintain'] }), facts);
    expect(decision).toEqual({
      allowed: false,
      actor: 'octobot[bot]',
      role: 'triage',
      source: 'api',
      ignored: false,
      reasons: [
        'action: edited comments are not allowed (gate.allow_edited is false)',
        'command: first line does not start with /orchestrate',
        'context: pull_request comments are not allowed',
        'label: pull request #12 lacks required label wave:wave2',
        'bot: octobot[bot] is a bot and not listed in gate.allowed_bots',
        'role: octobot[bot] has triage, needs maintain or above',
      ],
    });
  });

  it('uses the configured command and matches labels case-insensitively', () => {
    const event = issueComment({ login: 'alice', body: '  /go now', labels: ['Wave:Wave2'] });
    expect(decidePermission(event, policyOf({ command: 'go' }), maintainer).allowed).toBe(true);
  });

  it('counts a command with malformed arguments as present (the planner reports them)', () => {
    const event = issueComment({ login: 'alice', body: '/orchestrate "unterminated' });
    expect(decidePermission(event, policyOf(), maintainer).allowed).toBe(true);
  });

  it('denies when the facts are about someone else', () => {
    const decision = decidePermission(issueComment({ login: 'mallory' }), policyOf(), maintainer);
    expect(decision).toMatchObject({ allowed: false, actor: 'mallory', role: null, source: null });
    expect(decision.reasons).toEqual(['facts: gathered for alice, not mallory']);
    const none = decidePermission(issueComment({ login: 'mallory' }), policyOf(), {
      ...maintainer,
      actor: null,
    });
    expect(none.reasons).toEqual(['facts: gathered for nobody, not mallory']);
  });

  it('only counts active memberships of teams the policy allows', () => {
    const facts: PermissionFacts = {
      actor: 'alice',
      role: { status: 'unknown', reasons: ['api: 404 Not Found'] },
      teams: [
        { team: 'evil/team', state: 'active', source: 'api', reasons: [] },
        {
          team: 'Codertocat/releasecopilot-maintainers',
          state: 'none',
          source: 'env',
          reasons: [],
        },
      ],
    };
    const decision = decidePermission(issueComment({ login: 'alice' }), policyOf(), facts);
    expect(decision.reasons).toEqual([
      'role: no role source knew alice (api: 404 Not Found)',
      'team: alice is not a member of Codertocat/releasecopilot-maintainers',
    ]);
  });

  it('never takes sender or author_association as evidence', () => {
    const event = issueComment({
      login: 'stranger',
      sender: { login: 'Codertocat', type: 'User' },
      authorAssociation: 'OWNER',
    });
    const facts: PermissionFacts = {
      actor: 'stranger',
      role: { status: 'unknown', reasons: ['api: 404 Not Found'] },
      teams: [],
    };
    const decision = decidePermission(event, policyOf({ allowed_teams: [] }), facts);
    expect(decision).toMatchObject({ allowed: false, actor: 'stranger', role: null, source: null });
    expect(decision.reasons).toEqual(['role: no role source knew stranger (api: 404 Not Found)']);
  });
});
