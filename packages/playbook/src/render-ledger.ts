import { escapeMarkdown } from '@rc/orchestrator-core';
import type { AgentUsage } from '@rc/exec';
import type { LedgerEntry } from './ledger-entry';

const cell = (text: string) => escapeMarkdown(text) || '-';

/**
 * The seed's Evidence Ledger table (Task ID, Owner Skill, Evidence, Result, Next Action), with the
 * run each row came from after the task id, so a resumed plan's rows can be told apart, and what
 * each task's agent spent (tokens in/out and cost, `-` when it reported nothing).
 */
export function renderLedger(entries: readonly LedgerEntry[], title = 'Evidence Ledger'): string {
  const rows = entries.map(
    (entry) =>
      `| ${cell(entry.task_id)} | ${cell(entry.run_id)} | ${cell(entry.skill)} | ${cell(entry.evidence)} | ${entry.result} | ${usageCell(entry.usage)} | ${cell(entry.next_action)} |`,
  );
  return [
    `# ${title}`,
    '',
    '| Task ID | Run | Owner Skill | Evidence | Result | Usage | Next Action |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** `1200 in / 300 out tokens, $0.0123`, or `-` when the agent reported nothing. */
function usageCell(usage: AgentUsage | null): string {
  if (usage === null) return '-';
  const cost = usage.cost_usd === null ? '' : `, $${usage.cost_usd.toFixed(4)}`;
  return `${usage.input_tokens} in / ${usage.output_tokens} out tokens${cost}`;
}
