import { PromotionConfigSchema } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { deriveIdempotencyKey, deriveTraceId } from './promotion-identity';
import type { PromotionRequest } from './promotion-request';
import { resolvePromotionRequest } from './resolve-promotion-request';

const config = PromotionConfigSchema.parse({
  stages: ['canary', 'prod'],
  applier: { command: ['deploy'] },
});

function request(overrides: Partial<PromotionRequest>): PromotionRequest {
  return {
    mode: 'apply',
    stage: 'prod',
    candidate: { version: '1.2.0', digest: null },
    intent: null,
    idempotencyKey: null,
    traceId: null,
    runId: '20260101-090000',
    now: new Date('2026-01-01T16:00:00Z'),
    actor: null,
    approvers: [],
    approvals: null,
    changeTicket: null,
    signalsFile: null,
    ...overrides,
  };
}

describe('resolvePromotionRequest', () => {
  it('derives the key from run, stage, mode and candidate, and the trace id from the key', () => {
    const key = deriveIdempotencyKey('20260101-090000', 'prod', 'apply', '1.2.0');
    expect(resolvePromotionRequest(request({}), config)).toEqual({
      ok: true,
      value: {
        action: 'promote',
        previousStage: 'canary',
        idempotencyKey: key,
        traceId: deriveTraceId(key),
        changes: true,
      },
    });
  });

  it('keeps a given key and trace id, and has no previous stage for the first one', () => {
    const resolved = resolvePromotionRequest(
      request({ stage: 'canary', idempotencyKey: 'k', traceId: 't' }),
      config,
    );
    expect(resolved.ok && resolved.value).toMatchObject({
      previousStage: null,
      idempotencyKey: 'k',
      traceId: 't',
    });
  });

  it.each([
    [{ mode: 'dry_run' as const, intent: 'rollback: spike' }, 'rollback', false],
    [{ mode: 'dry_run' as const, intent: 'release it' }, 'release', false],
    [{ mode: 'dry_run' as const }, 'promote', false],
    [{ mode: 'rollback' as const, candidate: null }, 'rollback', true],
    [{ mode: 'release' as const, candidate: null }, 'release', true],
  ])('resolves %j to action %s (changes: %s)', (overrides, action, changes) => {
    const resolved = resolvePromotionRequest(request(overrides), config);
    expect(resolved.ok && [resolved.value.action, resolved.value.changes]).toEqual([
      action,
      changes,
    ]);
  });

  it.each([
    [{ mode: 'ship' as never }, 'unknown mode "ship" (expected dry_run, apply, rollback, release)'],
    [{ stage: 'qa' }, 'unknown stage "qa" (configured: canary, prod)'],
    [{ candidate: null }, '--candidate is required with --mode apply'],
    [{ mode: 'dry_run' as const, candidate: null }, '--candidate is required with --mode dry_run'],
  ])('refuses %j: %s', (overrides, issue) => {
    expect(resolvePromotionRequest(request(overrides), config)).toEqual({
      ok: false,
      issues: [issue],
    });
  });

  it('needs an applier for apply and rollback but not for a release or a dry run', () => {
    const none = { ...config, applier: { ...config.applier, command: [] } };
    const issue = 'promotion.applier.command: no applier command is configured';
    expect(resolvePromotionRequest(request({}), none)).toEqual({ ok: false, issues: [issue] });
    expect(resolvePromotionRequest(request({ mode: 'rollback', candidate: null }), none).ok).toBe(
      false,
    );
    expect(resolvePromotionRequest(request({ mode: 'release', candidate: null }), none).ok).toBe(
      true,
    );
    expect(resolvePromotionRequest(request({ mode: 'dry_run' }), none).ok).toBe(true);
  });
});
