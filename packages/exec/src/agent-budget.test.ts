import { describe, expect, it } from 'vitest';
import { addUsage, budgetSpent } from './agent-budget';

const used = (input: number, output: number, cost: number | null) => ({
  input_tokens: input,
  output_tokens: output,
  cost_usd: cost,
});

describe('addUsage', () => {
  it.each([
    [used(1, 2, null), null, used(1, 2, null)],
    [used(1, 2, null), used(3, 4, null), used(4, 6, null)],
    [used(1, 2, null), used(0, 0, 0.1), used(1, 2, 0.1)],
    [used(0, 0, 0.1), used(0, 0, 0.2), used(0, 0, 0.3)],
    [used(0, 0, 0.1), used(5, 5, null), used(5, 5, 0.1)],
  ])('adds %j and %j', (total, more, sum) => {
    expect(addUsage(total, more)).toEqual(sum);
  });
});

describe('budgetSpent', () => {
  it.each([
    [used(50, 49, 1), { max_tokens: 100, max_cost_usd: null }, null],
    [
      used(50, 50, 1),
      { max_tokens: 100, max_cost_usd: null },
      'budget spent: 100 tokens used, max_tokens is 100',
    ],
    [used(0, 0, null), { max_tokens: null, max_cost_usd: 0.01 }, null],
    [used(0, 0, 0.0099), { max_tokens: null, max_cost_usd: 0.01 }, null],
    [
      used(0, 0, 0.5),
      { max_tokens: null, max_cost_usd: 0.5 },
      'budget spent: $0.5000 used, max_cost_usd is 0.5',
    ],
    [used(10 ** 9, 0, 10), { max_tokens: null, max_cost_usd: null }, null],
  ])('judges %j against %j', (usage, budget, verdict) => {
    expect(budgetSpent(usage, budget)).toBe(verdict);
  });
});
