import type { Located } from './_workflow-model';
import type { Rule, RuleFinding } from './_rule';

const BROAD = new Set(['write-all', 'read-all']);

/**
 * Without a top-level `permissions:` every job gets the repository's default token scopes.
 * rc wants `permissions: {}` at the top and the least each job needs; write scopes only per job.
 */
export const permissions: Rule = (workflow) => {
  const findings: RuleFinding[] = [];
  const top = workflow.permissions;
  if (top === null) {
    findings.push({
      line: 1,
      rule: 'missing-permissions',
      message:
        'no top-level permissions: set "permissions: {}" and grant each job the least it needs',
    });
  } else if (isScalar(top)) {
    findings.push(broad(top.line, `top-level permissions "${top.value}"`));
  } else {
    for (const [scope, level] of top)
      if (level.value === 'write')
        findings.push(
          broad(
            level.line,
            `top-level "${scope}: write" applies to every job; grant it only to the job that needs it`,
          ),
        );
  }
  for (const job of workflow.jobs) {
    const granted = job.permissions;
    if (granted !== null && isScalar(granted) && BROAD.has(granted.value))
      findings.push(broad(granted.line, `job "${job.id}" has permissions "${granted.value}"`));
  }
  return findings;
};

function isScalar(value: Located | ReadonlyMap<string, Located>): value is Located {
  return !(value instanceof Map);
}

function broad(line: number, what: string): RuleFinding {
  return {
    line,
    rule: 'broad-permissions',
    message: `${what}: list only the scopes a job needs (e.g. "contents: read")`,
  };
}
