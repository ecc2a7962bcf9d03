import { planFailure } from './_plan-failure';
import type { DispatchEvent } from './dispatch-event';
import type { PlanResult } from './plan-error';
import { sanitizeUntrustedText } from './sanitize-untrusted-text';
import type { TargetIssue } from './target-issue';

type ResolveLabelsInput = DispatchEvent & {
  issue: number;
  requiredLabel: string | null;
  targetIssue: TargetIssue | null;
  maxLength: number;
};

/**
 * The target issue's labels (sorted, deduplicated, sanitised for the plan), checking the required
 * label against the raw names. Labels come from `targetIssue` when given, else from the event when
 * it is a comment on the target issue; unknown labels fail closed when a label is required.
 */
export function resolveLabels(input: ResolveLabelsInput): PlanResult<string[]> {
  const { issue, requiredLabel, targetIssue } = input;
  if (targetIssue !== null && targetIssue.number !== issue) {
    return planFailure(
      'issue_mismatch',
      `the labels passed in are for #${targetIssue.number}, but the command targets #${issue}`,
      [`#${issue}`],
      [`#${targetIssue.number}`],
    );
  }
  const raw = targetIssue?.labels ?? eventLabels(input);
  if (raw === null) {
    if (requiredLabel === null) return { ok: true, value: [] };
    const where =
      input.eventName === 'issue_comment'
        ? `the command targets #${issue} but the comment is on #${input.event.issue.number}`
        : 'a workflow_dispatch event carries no issue labels';
    return planFailure(
      'labels_unknown',
      `${where}, so the labels of #${issue} are unknown and the required label ` +
        `"${requiredLabel}" cannot be checked; refusing (look the issue up and pass targetIssue)`,
      [requiredLabel],
      [],
    );
  }
  const labels = [...new Set(raw)].sort();
  if (requiredLabel !== null && !labels.includes(requiredLabel)) {
    const found = labels.map((label) => sanitizeUntrustedText(label, { maxLength: 100 }));
    return planFailure(
      'missing_label',
      `issue #${issue} does not have the required label "${requiredLabel}" ` +
        `(${found.length === 0 ? 'it has no labels' : `its labels: ${found.join(', ')}`})`,
      [requiredLabel],
      found,
    );
  }
  return {
    ok: true,
    value: labels.map((label) => sanitizeUntrustedText(label, { maxLength: input.maxLength })),
  };
}

function eventLabels(input: ResolveLabelsInput): string[] | null {
  if (input.eventName !== 'issue_comment' || input.event.issue.number !== input.issue) return null;
  return input.event.issue.labels.map((label) => label.name);
}
