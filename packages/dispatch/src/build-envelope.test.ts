import { dispatchIdempotencyKey, serializeDispatchEnvelope } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import {
  commandOf,
  dispatchConfig,
  issueCommentEvent,
  NOW,
  workflowDispatchEvent,
} from '../test/fixtures/events';
import { runIdempotencyKey } from '@rc/orchestrator-core';
import { buildEnvelope } from './build-envelope';
import { planDispatch } from './plan-dispatch';
import type { DispatchEvent } from './dispatch-event';

function planFor(source: DispatchEvent) {
  const result = planDispatch({
    ...source,
    command: commandOf(source.event),
    config: dispatchConfig(),
    prompts: ['triage.md', '276.md'],
    now: NOW,
    targetIssue: { number: 276, labels: ['wave:wave2'] },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('buildEnvelope', () => {
  const event = issueCommentEvent({ commentId: 42 });
  const source: DispatchEvent = { eventName: 'issue_comment', event };
  const plan = planFor(source);

  it('wraps an issue_comment plan with the comment identity', () => {
    const envelope = buildEnvelope({
      ...source,
      plan,
      deliveryId: 'f1e2d3c4-0000-1111-2222-333344445555',
    });
    expect(envelope).toEqual({
      schema_version: 1,
      idempotency_key: dispatchIdempotencyKey('Codertocat/Hello-World', 42),
      repository: 'Codertocat/Hello-World',
      issue_number: 276,
      comment_id: 42,
      author: 'Codertocat',
      delivery_id: 'f1e2d3c4-0000-1111-2222-333344445555',
      plan,
    });
    expect(() => serializeDispatchEnvelope(envelope)).not.toThrow();
  });

  it('keys on repository + comment only, so a redelivery with a new run id is the same key', () => {
    const later = planFor(source);
    const other = { ...later, run_id: '2027-01-01T00-00-00-0700' };
    expect(buildEnvelope({ ...source, plan: other }).idempotency_key).toBe(
      buildEnvelope({ ...source, plan }).idempotency_key,
    );
    expect(buildEnvelope({ ...source, plan }).delivery_id).toBeNull();
  });

  it('sanitises the delivery id', () => {
    expect(buildEnvelope({ ...source, plan, deliveryId: 'abc\u202E<!-- x -->' }).delivery_id).toBe(
      'abc',
    );
  });

  it('uses a relayed comment_id input of a workflow_dispatch as the key', () => {
    const dispatch = workflowDispatchEvent({
      command: '/orchestrate prompt=triage',
      issue: '276',
      comment_id: '42',
    });
    const wd: DispatchEvent = { eventName: 'workflow_dispatch', event: dispatch };
    const envelope = buildEnvelope({ ...wd, plan: planFor(wd) });
    expect(envelope).toMatchObject({ comment_id: 42, author: 'octocat' });
    expect(envelope.idempotency_key).toBe(dispatchIdempotencyKey('octo-org/octo-repo', 42));
  });

  it('accepts a numeric comment_id input as well as a string', () => {
    const dispatch = workflowDispatchEvent({
      command: '/orchestrate',
      issue: '276',
      comment_id: 7,
    });
    const wd: DispatchEvent = { eventName: 'workflow_dispatch', event: dispatch };
    expect(buildEnvelope({ ...wd, plan: planFor(wd) }).idempotency_key).toBe(
      dispatchIdempotencyKey('octo-org/octo-repo', 7),
    );
  });

  it.each([
    ['no comment_id input', {}],
    ['a comment_id that is not a number', { comment_id: 'abc' }],
    ['a comment_id of 0', { comment_id: '0' }],
  ])('keys a workflow_dispatch with %s on repository + run id', (_name, extra) => {
    const dispatch = workflowDispatchEvent({ command: '/orchestrate', issue: '276', ...extra });
    const wd: DispatchEvent = { eventName: 'workflow_dispatch', event: dispatch };
    const wdPlan = planFor(wd);
    const envelope = buildEnvelope({ ...wd, plan: wdPlan });
    expect(envelope.comment_id).toBe(0);
    expect(envelope.idempotency_key).toBe(runIdempotencyKey('octo-org/octo-repo', wdPlan.run_id));
  });

  it('names an unknown author when a workflow_dispatch has no sender', () => {
    const dispatch = workflowDispatchEvent({ command: '/orchestrate prompt=triage', issue: '276' });
    delete (dispatch as { sender?: unknown }).sender;
    const wd: DispatchEvent = { eventName: 'workflow_dispatch', event: dispatch };
    expect(buildEnvelope({ ...wd, plan: planFor(wd) }).author).toBe('unknown');
  });
});

describe('runIdempotencyKey', () => {
  it('depends on repository (case-insensitively) and run id, and differs from comment keys', () => {
    const key = runIdempotencyKey('octo/rc', '2026-11-20T09-15-00-0700');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(runIdempotencyKey('Octo/RC', '2026-11-20T09-15-00-0700')).toBe(key);
    expect(runIdempotencyKey('octo/rc', '2026-11-20T09-15-01-0700')).not.toBe(key);
    expect(key).not.toBe(dispatchIdempotencyKey('octo/rc', 0));
  });
});
