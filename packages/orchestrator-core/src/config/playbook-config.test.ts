import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate';
import { OrchestrationConfigSchema } from './orchestration-config';
import { PlaybookConfigSchema } from './playbook-config';

describe('PlaybookConfigSchema', () => {
  it('gives the loop supervisor read-only and the worker edit permissions by default', () => {
    const { actors } = OrchestrationConfigSchema.parse({}).loop;
    expect(actors.galph.agent.permissions).toBe('read-only');
    expect(actors.ralph.agent.permissions).toBe('edit');
    const given = OrchestrationConfigSchema.parse({
      loop: { actors: { galph: { agent: { preset: 'claude' } }, ralph: { prompt: 'x' } } },
    }).loop.actors;
    expect(given.galph.agent).toEqual({
      preset: 'claude',
      command: null,
      permissions: 'read-only',
    });
    expect(given.ralph.agent.permissions).toBe('edit');
  });

  it('refuses an unknown permission and a budget that is not positive', () => {
    const bad = OrchestrationConfigSchema.safeParse({
      loop: { actors: { ralph: { agent: { permissions: 'write' } } }, limits: { max_tokens: 0 } },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['loop.actors.ralph.agent.permissions', 'loop.limits.max_tokens']),
    );
  });

  it('fills the seed defaults', () => {
    const config = OrchestrationConfigSchema.parse({}).playbook;
    expect(config.concurrency).toBe(2);
    expect(config.agent).toEqual({
      preset: 'codex',
      command: null,
      timeout_ms: 1_800_000,
      permissions: 'edit',
    });
    expect(config.limits).toEqual({ max_cost_usd: null, max_tokens: null });
    expect(config.skills.debug).toBe('debug-troubleshooter');
    expect(config.replan).toMatchObject({ on_partial: 'split', on_fail: 'debug', max_depth: 2 });
  });

  it.each([
    [{ concurrency: 0 }, 'concurrency'],
    [{ agent: { preset: 'vim' } }, 'agent.preset'],
    [{ replan: { max_depth: 9 } }, 'replan.max_depth'],
    [{ colour: 'red' }, '(root)'],
  ])('rejects %j naming the field', (value, field) => {
    const result = validate(PlaybookConfigSchema, value);
    expect(!result.ok && result.issues[0]).toMatch(
      new RegExp(`^${field.replace(/[().]/g, '\\$&')}`),
    );
  });
});
