import type { Located } from './_workflow-model';
import type { Rule, RuleFinding, Severity } from './_rule';

const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * A tag or branch can be moved to other code after review; a full commit SHA cannot. Local
 * actions (`./`) are part of the reviewed repository; Docker images need a digest. Actions
 * GitHub itself publishes (actions/*, github/*) are a note, any other owner a warning.
 */
export const unpinnedAction: Rule = (workflow) => {
  const findings: RuleFinding[] = [];
  const check = (uses: Located | null, where: string) => {
    if (uses === null) return;
    const problem = pinProblem(uses.value);
    if (problem !== null)
      findings.push({
        line: uses.line,
        rule: 'unpinned-action',
        severity: problem.severity,
        confidence: 'high',
        message: `${where}: ${problem.message}`,
      });
  };
  for (const job of workflow.jobs) {
    check(job.uses, `job "${job.id}"`);
    job.steps.forEach((step, index) => check(step.uses, `job "${job.id}" step ${index + 1}`));
  }
  return findings;
};

function pinProblem(uses: string): { severity: Severity; message: string } | null {
  if (uses.startsWith('./') || uses.includes('${{')) return null;
  if (uses.startsWith('docker://'))
    return uses.includes('@sha256:')
      ? null
      : {
          severity: 'warning',
          message: `"${uses}" is not pinned by image digest (@sha256:...)`,
        };
  const at = uses.lastIndexOf('@');
  const ref = at === -1 ? '' : uses.slice(at + 1);
  if (FULL_SHA.test(ref)) return null;
  return {
    severity: /^(actions|github)\//.test(uses) ? 'note' : 'warning',
    message: `"${uses}" is not pinned to a full commit SHA (use owner/repo@<40-hex sha> # tag)`,
  };
}
