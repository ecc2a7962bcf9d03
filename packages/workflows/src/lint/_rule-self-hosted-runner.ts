import type { Rule, RuleFinding } from './_rule';

/**
 * A self-hosted runner that takes pull requests runs an outsider's code on a machine that
 * outlives the job (and often sits inside the network). GitHub advises against it for public
 * repositories.
 */
export const selfHostedRunner: Rule = (workflow) => {
  const target = workflow.triggers.includes('pull_request_target');
  if (!target && !workflow.triggers.includes('pull_request')) return [];
  const findings: RuleFinding[] = [];
  for (const job of workflow.jobs) {
    const label = job.runsOn.find((item) => item.value === 'self-hosted');
    if (label === undefined) continue;
    findings.push({
      line: label.line,
      rule: 'self-hosted-runner',
      severity: target ? 'error' : 'warning',
      confidence: 'medium',
      message: `job "${job.id}": runs pull request code on a self-hosted runner (${target ? 'pull_request_target' : 'pull_request'}); use GitHub-hosted runners for outside contributions`,
    });
  }
  return findings;
};
