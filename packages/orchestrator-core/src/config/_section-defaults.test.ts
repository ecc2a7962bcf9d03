import { describe, expect, it } from 'vitest';
import { sectionDefaults } from './_section-defaults';
import { OrchestrationConfigSchema } from './orchestration-config';
import { PlaybookConfigSchema } from './playbook-config';
import { PromotionConfigSchema } from './promotion-config';
import { DispatchConfigSchema, GateConfigSchema, LoopConfigSchema } from './section-schemas';

describe('sectionDefaults', () => {
  it.each([
    ['gate', GateConfigSchema],
    ['dispatch', DispatchConfigSchema],
    ['loop', LoopConfigSchema],
    ['playbook', PlaybookConfigSchema],
    ['promotion', PromotionConfigSchema],
  ] as const)(
    'writes out exactly what the %s schema fills in, key order included',
    (name, schema) => {
      // JSON text, not toEqual: key order shows in every JSON rc prints or writes.
      expect(JSON.stringify(sectionDefaults[name]())).toBe(JSON.stringify(schema.parse({})));
    },
  );

  it('fills a section left out with it, and one given through its schema', () => {
    expect(OrchestrationConfigSchema.parse({})).toEqual({
      version: 1,
      gate: GateConfigSchema.parse({}),
      dispatch: DispatchConfigSchema.parse({}),
      loop: LoopConfigSchema.parse({}),
      playbook: PlaybookConfigSchema.parse({}),
      promotion: PromotionConfigSchema.parse({}),
    });
    expect(
      OrchestrationConfigSchema.parse({ loop: { limits: { max_iterations: 3 } } }).loop.limits,
    ).toEqual({
      max_iterations: 3,
      turn_timeout_s: 3600,
      idle_timeout_s: 900,
      total_time_s: null,
      max_cost_usd: null,
      max_tokens: null,
    });
  });

  it('gives every config its own copy', () => {
    const first = OrchestrationConfigSchema.parse({});
    first.gate.allowed_roles.push('admin');
    first.promotion.thresholds.splice(0, 1);
    expect(OrchestrationConfigSchema.parse({})).toEqual(
      OrchestrationConfigSchema.parse({ gate: {}, promotion: {} }),
    );
  });
});
