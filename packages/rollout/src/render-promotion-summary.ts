import { formatCandidate, type Candidate } from './candidate';
import type { PromotionResult } from './promotion-result';

const version = (candidate: Candidate | null) =>
  candidate === null ? '(none)' : `\`${formatCandidate(candidate)}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `summary.md`: the result for people, also appended to the GitHub step summary. Pure. */
export function renderPromotionSummary(result: PromotionResult): string {
  const lines = [
    `## rc promote: ${result.action} ${result.stage} — ${result.outcome.toUpperCase()}`,
    '',
    `- mode: \`${result.mode}\`, exit ${result.exit_code}`,
    `- candidate: ${version(result.candidate)}; target: ${version(result.target)}`,
    `- versions: ${version(result.versions.before)} -> ${version(result.versions.after)}`,
    `- decision: ${result.decision === null ? 'n/a' : `\`${result.decision.outcome}\``}; governance: ${result.governance.passed ? 'passed' : 'FAILED'}`,
    `- run \`${result.run_id}\`, trace \`${result.trace_id}\`, idempotency key \`${result.idempotency_key}\``,
    `- actor: ${result.actor ?? '(none)'}; intent: ${result.intent ?? '(none)'}; change ticket: ${result.change_ticket ?? '(none)'}`,
    `- at ${result.phoenix_timestamps.started} (Phoenix)${result.recovered_by === null ? '' : `; recorded by run \`${result.recovered_by}\` after a crash`}`,
  ];
  if (result.applier !== null) {
    lines.push(
      `- applier: exit ${result.applier.exit_code ?? 'none'}${result.applier.note === null ? '' : ` (${result.applier.note})`}, log \`${result.applier.log}\``,
    );
  }
  lines.push('', '| check | result | reason |', '| --- | --- | --- |');
  for (const check of result.checks) {
    lines.push(`| ${check.name} | ${check.passed ? 'pass' : 'FAIL'} | ${cell(check.reason)} |`);
  }
  for (const check of result.decision?.checks ?? []) {
    lines.push(`| threshold ${check.metric} | ${check.status} | ${cell(check.reason)} |`);
  }
  for (const check of result.governance.checks) {
    lines.push(
      `| governance ${check.name} | ${check.passed ? 'pass' : 'FAIL'} | ${cell(check.reason)} |`,
    );
  }
  if (result.reasons.length > 0) {
    lines.push('', '### Reasons', '', ...result.reasons.map((reason) => `- ${reason}`));
  }
  return `${lines.join('\n')}\n`;
}
