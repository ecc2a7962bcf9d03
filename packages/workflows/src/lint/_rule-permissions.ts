import type { Located, Permissions } from './_workflow-model';
import type { Rule, RuleFinding } from './_rule';

/**
 * Without `permissions:` a job gets the repository's default token scopes. rc wants every job
 * covered (at the top or per job), no `write-all`, and write scopes only on the job that needs
 * them; under pull_request_target a write scope sits next to an outsider's input.
 */
export const permissions: Rule = (workflow) => {
  if (workflow.kind === 'action') return [];
  const findings: RuleFinding[] = [];
  const top = workflow.permissions;
  const uncovered = workflow.jobs.filter((job) => job.permissions === null);
  if (top === null && uncovered.length > 0)
    findings.push({
      line: 1,
      rule: 'missing-permissions',
      severity: 'warning',
      confidence: 'high',
      message: `no permissions: at the top or on job${uncovered.length > 1 ? 's' : ''} ${uncovered.map((job) => `"${job.id}"`).join(', ')}: set "permissions: {}" and grant each job the least it needs`,
    });
  if (isScalar(top) && top.value === 'write-all')
    findings.push(broad(top.line, 'top-level permissions "write-all"'));
  else if (top instanceof Map && workflow.jobs.length > 1)
    for (const [scope, level] of top)
      if (level.value === 'write')
        findings.push(
          broad(
            level.line,
            `top-level "${scope}: write" applies to all ${workflow.jobs.length} jobs; grant it only to the job that needs it`,
          ),
        );
  const target = workflow.triggers.find((name) => name === 'pull_request_target');
  for (const job of workflow.jobs) {
    const granted = job.permissions;
    if (isScalar(granted) && granted.value === 'write-all')
      findings.push(broad(granted.line, `job "${job.id}" has permissions "write-all"`));
    else if (target !== undefined && granted instanceof Map)
      for (const [scope, level] of granted)
        if (level.value === 'write' && scope !== 'id-token')
          findings.push({
            line: level.line,
            rule: 'excessive-permissions',
            severity: 'warning',
            confidence: 'low',
            message: `job "${job.id}": "${scope}: write" in a pull_request_target workflow, next to an outsider's input; keep the job that writes apart from any that reads the pull request`,
          });
  }
  return findings;
};

function isScalar(value: Permissions): value is Located {
  return value !== null && !(value instanceof Map);
}

function broad(line: number, what: string): RuleFinding {
  return {
    line,
    rule: 'broad-permissions',
    severity: 'warning',
    confidence: 'high',
    message: `${what}: list only the scopes a job needs (e.g. "contents: read")`,
  };
}
