import { escapeMarkdown } from '@rc/orchestrator-core';
import type { LedgerEntry } from './ledger-entry';

const cell = (text: string) => escapeMarkdown(text) || '-';

/**
 * The seed's Evidence Ledger table (Task ID, Owner Skill, Evidence, Result, Next Action), with the
 * run each row came from after the task id, so a resumed plan's rows can be told apart.
 */
export function renderLedger(entries: readonly LedgerEntry[], title = 'Evidence Ledger'): string {
  const rows = entries.map(
    (entry) =>
      `| ${cell(entry.task_id)} | ${cell(entry.run_id)} | ${cell(entry.skill)} | ${cell(entry.evidence)} | ${entry.result} | ${cell(entry.next_action)} |`,
  );
  return [
    `# ${title}`,
    '',
    '| Task ID | Run | Owner Skill | Evidence | Result | Next Action |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
