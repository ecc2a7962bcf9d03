import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate';
import { OrchestrationConfigSchema } from './orchestration-config';
import { PromotionConfigSchema } from './promotion-config';

describe('PromotionConfigSchema', () => {
  it('fills every default when the section is absent', () => {
    const parsed = validate(OrchestrationConfigSchema, {});
    expect(parsed.ok && parsed.value.promotion).toMatchObject({
      stages: ['canary', 'stable'],
      signals_file: 'artifacts/promotion/signals.json',
      state_file: '.rc/promotion-state.json',
      artifacts_dir: 'artifacts/promotion',
      applier: { command: [], forward_args: true, timeout_ms: 600_000 },
      governance: { allowed_actors: [], required_approvals: 0, require_intent: true },
    });
  });

  it.each([
    [{ stages: [] }, 'stages: '],
    [{ stages: ['a', 'a'] }, 'stages: expected unique stages'],
    [{ thresholds: [{ metric: 'x' }] }, 'thresholds.0: expected min, max or both'],
    [
      { governance: { change_windows: [{ start: '9:00', end: '17:00' }] } },
      'start: expected HH:mm',
    ],
    [{ extra: 1 }, 'extra'],
  ])('rejects %j naming the field', (value, message) => {
    const parsed = validate(PromotionConfigSchema, value);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.issues.join('\n')).toContain(message);
  });
});
