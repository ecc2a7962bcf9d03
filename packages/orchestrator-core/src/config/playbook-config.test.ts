import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate';
import { OrchestrationConfigSchema } from './orchestration-config';
import { PlaybookConfigSchema } from './playbook-config';

describe('PlaybookConfigSchema', () => {
  it('fills the seed defaults', () => {
    const config = OrchestrationConfigSchema.parse({}).playbook;
    expect(config.concurrency).toBe(2);
    expect(config.agent).toEqual({ preset: 'codex', command: null, timeout_ms: 1_800_000 });
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
