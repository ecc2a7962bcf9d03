import type { Rule, RuleFinding } from './_rule';

/** Triggers that run with secrets and a write token even for outside contributors. */
const PRIVILEGED = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);

const PR_HEAD =
  /pull_request\.head|github\.head_ref|refs\/pull\/|\bpull\/[^\s'"]*\/(head|merge)|workflow_run\.head_|gh pr checkout/;

/**
 * In a privileged trigger, checking out the pull request's head runs untrusted code with the
 * workflow's secrets ("pwn request"). Such workflows must work on the base branch only.
 */
export const prHeadCheckout: Rule = (workflow) => {
  const trigger = workflow.triggers.find((name) => PRIVILEGED.has(name));
  if (trigger === undefined) return [];
  const findings: RuleFinding[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const checkout = step.uses !== null && /^actions\/checkout@/.test(step.uses.value);
      const refs = checkout ? [step.with.get('ref'), step.with.get('repository')] : [];
      for (const value of [...refs, step.run]) {
        if (value === undefined || value === null || !PR_HEAD.test(value.value)) continue;
        findings.push({
          line: value.line,
          rule: 'pr-head-checkout',
          message: `job "${job.id}": checks out pull request head code in a privileged "${trigger}" workflow`,
        });
      }
    }
  }
  return findings;
};
