import { PromotionConfigSchema } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { evaluateGovernance, type GovernanceRequest } from './evaluate-governance';

// Friday 2026-11-20 09:15 in Phoenix.
const friday = new Date('2026-11-20T16:15:00Z');
const governance = (input: object) => PromotionConfigSchema.parse({ governance: input }).governance;
const policy = governance({
  allowed_actors: ['alice', 'bob'],
  required_approvals: 1,
  require_change_ticket: true,
  change_windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '16:00' }],
});
const request: GovernanceRequest = {
  kind: 'apply',
  actor: 'alice',
  approvers: ['bob'],
  approvals: null,
  changeTicket: 'CHG-42',
  intent: 'promote 1.4.0',
  now: friday,
};
const failed = (result: ReturnType<typeof evaluateGovernance>) =>
  result.checks.filter((check) => !check.passed).map((check) => check.name);

describe('evaluateGovernance', () => {
  it('passes a complete request inside the window', () => {
    const result = evaluateGovernance(policy, request);
    expect(result.passed).toBe(true);
    expect(result.checks.map((check) => check.reason)).toEqual([
      'alice is in allowed_actors',
      '1 approval, 1 required',
      'change ticket "CHG-42" matches /^[A-Z][A-Z0-9]+-[0-9]+$/',
      'intent stated',
      '2026-11-20T09:15:00.000-07:00 is inside mon,tue,wed,thu,fri 09:00-16:00 (Phoenix time)',
    ]);
  });

  it.each([
    ['no actor', { actor: null }, ['actor']],
    ['an actor not allowed', { actor: 'mallory' }, ['actor']],
    ['self-approval only', { approvers: ['alice'] }, ['approvals']],
    ['too few counted approvals', { approvers: ['bob'], approvals: 0 }, ['approvals']],
    ['no ticket', { changeTicket: null }, ['change_ticket']],
    ['a malformed ticket', { changeTicket: 'fix stuff' }, ['change_ticket']],
    ['no intent', { intent: '  ' }, ['intent']],
    ['a Saturday', { now: new Date('2026-11-21T16:15:00Z') }, ['change_window']],
    ['after hours', { now: new Date('2026-11-20T23:30:00Z') }, ['change_window']],
  ])('fails closed with %s', (_, change, names) => {
    const result = evaluateGovernance(policy, { ...request, ...change });
    expect(result.passed).toBe(false);
    expect(failed(result)).toEqual(names);
  });

  it('lets a rollback run outside the windows unless configured otherwise', () => {
    const late = { ...request, kind: 'rollback' as const, now: new Date('2026-11-21T16:15:00Z') };
    expect(evaluateGovernance(policy, late).passed).toBe(true);
    const strict = { ...policy, rollback_outside_windows: false };
    expect(failed(evaluateGovernance(strict, late))).toEqual(['change_window']);
  });

  it('needs only a named actor and an intent by default', () => {
    const defaults = governance({});
    const minimal = { ...request, approvers: [], changeTicket: null };
    expect(evaluateGovernance(defaults, minimal).passed).toBe(true);
    expect(failed(evaluateGovernance(defaults, { ...minimal, intent: null }))).toEqual(['intent']);
  });

  it('honours windows that run past midnight', () => {
    const night = {
      ...policy,
      change_windows: [{ days: ['fri' as const], start: '22:00', end: '02:00' }],
    };
    const at = (iso: string) => evaluateGovernance(night, { ...request, now: new Date(iso) });
    expect(at('2026-11-21T06:00:00Z').passed).toBe(true); // Fri 23:00
    expect(at('2026-11-21T08:00:00Z').passed).toBe(true); // Sat 01:00
    expect(at('2026-11-22T08:00:00Z').passed).toBe(false); // Sun 01:00
  });

  it.each([
    ['an empty approver', { approvers: [''] }, 0],
    ['a blank approver', { approvers: [' ', '\t'] }, 0],
    ['the actor plus a space', { approvers: ['alice '] }, 0],
    ['the actor in another case', { approvers: ['Alice', 'ALICE'] }, 0],
    ['an upper-case actor approving in lower case', { actor: 'ALICE', approvers: [' alice'] }, 0],
    ['one login in two cases', { approvers: ['hubot', 'HUBOT', ' Hubot '] }, 1],
    ['two logins and the actor', { approvers: ['hubot', 'Bob', 'alice'] }, 2],
  ])('counts approvals with %s as GitHub compares logins', (_, change, count) => {
    const strict = { ...policy, required_approvals: 2 };
    const approvals = evaluateGovernance(strict, { ...request, ...change }).checks.find(
      (check) => check.name === 'approvals',
    );
    expect(approvals?.reason).toBe(`${count} approval${count === 1 ? '' : 's'}, 2 required`);
    expect(approvals?.passed).toBe(count >= 2);
  });

  it.each([
    ['an actor in another case', { actor: 'ALICE' }, true, 'alice is in allowed_actors'],
    ['a padded actor', { actor: ' bob\n' }, true, 'bob is in allowed_actors'],
    ['a blank actor', { actor: ' ' }, false, 'no actor named (--actor or GITHUB_ACTOR)'],
    ['a look-alike actor', { actor: 'alice-' }, false, 'alice- is not in allowed_actors'],
  ])('matches allowed_actors for %s as GitHub compares logins', (_, change, passed, reason) => {
    const mixed = { ...policy, allowed_actors: ['Alice', ' BOB'] };
    const actor = evaluateGovernance(mixed, { ...request, ...change }).checks[0];
    expect(actor).toEqual({ name: 'actor', passed, reason });
  });
});
