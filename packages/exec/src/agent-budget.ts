import type { AgentUsage as Usage } from './agent-report';

/** A spending limit (`loop.limits`, `playbook.limits`): null fields mean no limit. */
export interface Budget {
  max_cost_usd: number | null;
  max_tokens: number | null;
}

/** Adds one run's usage to a total; a cost stays null until some run reports one. Pure. */
export function addUsage(total: Usage, more: Usage | null): Usage {
  if (more === null) return total;
  return {
    input_tokens: total.input_tokens + more.input_tokens,
    output_tokens: total.output_tokens + more.output_tokens,
    cost_usd:
      more.cost_usd === null
        ? total.cost_usd
        : Math.round(((total.cost_usd ?? 0) + more.cost_usd) * 1e6) / 1e6,
  };
}

/**
 * Why the budget is spent (a run's usage summed with {@link addUsage}), or null while it is not. Tokens count input and output; the cost
 * counts only what the agents reported (codex and gemini report none). Pure.
 */
export function budgetSpent(usage: Usage, budget: Budget): string | null {
  const tokens = usage.input_tokens + usage.output_tokens;
  if (budget.max_tokens !== null && tokens >= budget.max_tokens) {
    return `budget spent: ${tokens} tokens used, max_tokens is ${budget.max_tokens}`;
  }
  if (budget.max_cost_usd !== null && (usage.cost_usd ?? 0) >= budget.max_cost_usd) {
    return `budget spent: $${(usage.cost_usd ?? 0).toFixed(4)} used, max_cost_usd is ${budget.max_cost_usd}`;
  }
  return null;
}
