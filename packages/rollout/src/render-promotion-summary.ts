import { escapeMarkdown, markdownCodeSpan } from '@rc/orchestrator-core';
import { formatCandidate, type Candidate } from './candidate';
import type { PromotionResult } from './promotion-result';

// Every value that came from a person, a config file or a crashed run's journal goes through
// escapeMarkdown (or a code span): an intent must not be able to add a heading or hide the checks.
const text = escapeMarkdown;
const code = markdownCodeSpan;
const version = (candidate: Candidate | null) =>
  candidate === null ? '(none)' : code(formatCandidate(candidate));
const row = (...cells: string[]) => `| ${cells.map(text).join(' | ')} |`;

/** `summary.md`: the result for people, also appended to the GitHub step summary. Pure. */
export function renderPromotionSummary(result: PromotionResult): string {
  const lines = [
    `## rc promote: ${text(`${result.action} ${result.stage}`)} — ${text(result.outcome.toUpperCase())}`,
    '',
    `- mode: ${code(result.mode)}, exit ${result.exit_code}`,
    `- candidate: ${version(result.candidate)}; target: ${version(result.target)}`,
    `- versions: ${version(result.versions.before)} -> ${version(result.versions.after)}`,
    ...(result.blocked_by.length === 0
      ? []
      : [
          `- ${result.mode === 'dry_run' ? 'an apply would be blocked' : 'blocked'} by: ${result.blocked_by.map(code).join(', ')}`,
        ]),
    `- decision: ${result.decision === null ? 'n/a' : code(result.decision.outcome)}; governance: ${result.governance.passed ? 'passed' : 'FAILED'}`,
    `- run ${code(result.run_id)}, trace ${code(result.trace_id)}, idempotency key ${code(result.idempotency_key)}`,
    `- actor: ${text(result.actor ?? '(none)')}; intent: ${text(result.intent ?? '(none)')}; change ticket: ${text(result.change_ticket ?? '(none)')}`,
    `- at ${text(result.phoenix_timestamps.started)} (Phoenix)${result.recovered_by === null ? '' : `; recorded by run ${code(result.recovered_by)} after a crash`}`,
  ];
  if (result.applier !== null) {
    lines.push(
      `- applier: exit ${result.applier.exit_code ?? 'none'}${result.applier.note === null ? '' : ` (${text(result.applier.note)})`}, log ${code(result.applier.log)}`,
    );
  }
  lines.push('', '| check | result | reason |', '| --- | --- | --- |');
  for (const check of result.checks) {
    lines.push(row(check.name, check.passed ? 'pass' : 'FAIL', check.reason));
  }
  for (const check of result.decision?.checks ?? []) {
    lines.push(row(`threshold ${check.metric}`, check.status, check.reason));
  }
  for (const check of result.governance.checks) {
    lines.push(row(`governance ${check.name}`, check.passed ? 'pass' : 'FAIL', check.reason));
  }
  if (result.reasons.length > 0) {
    lines.push('', '### Reasons', '', ...result.reasons.map((reason) => `- ${text(reason)}`));
  }
  return `${lines.join('\n')}\n`;
}
