import { expressionsOf, lineInRun, type Rule, type RuleFinding, type Severity } from './_rule';
import { taintOf, type TaintModel } from './_taint';
import type { JobModel, Located, StepModel, WorkflowModel } from './_workflow-model';

/** Triggers where an injected command runs with secrets and a write token. */
const HIGH = new Set([
  'pull_request_target',
  'issue_comment',
  'issues',
  'discussion',
  'discussion_comment',
  'workflow_run',
  'pull_request_review',
  'pull_request_review_comment',
  'gollum',
  'check_suite',
  'check_run',
]);

/** Error where an injection gets secrets; a warning where it may not (fork PRs, pushes, callers). */
function injectionSeverity(workflow: WorkflowModel): Severity {
  return workflow.triggers.some((trigger) => HIGH.has(trigger)) ? 'error' : 'warning';
}

/**
 * `${{ }}` inside `run:` or a github-script `script:` is pasted into the code before it runs.
 * Attacker-controlled data there (by trigger, followed through env:, step and job outputs) is
 * injection; any other expression gets a low-confidence note to prefer env:.
 */
export const templateInjection: Rule = (workflow) => {
  const taint = taintOf(workflow);
  const severity = injectionSeverity(workflow);
  const findings: RuleFinding[] = [];
  for (const job of workflow.jobs)
    job.steps.forEach((step, index) => {
      const script = /^actions\/github-script@/.test(step.uses?.value ?? '')
        ? step.with.get('script')
        : undefined;
      for (const [sink, where] of [
        [step.run, 'run:'],
        [script, 'github-script script:'],
      ] as const) {
        if (sink == null) continue;
        for (const { expression, index: at } of expressionsOf(sink.value)) {
          const line = lineInRun(workflow.text, sink, at);
          if (taint.expression(expression, job, index).has('text'))
            findings.push({
              line,
              rule: 'template-injection',
              severity,
              confidence: 'high',
              message: `job "${job.id}": \${{ ${expression} }} is attacker-controlled and is pasted into ${where} as code; pass it through env: and use "$VAR"`,
            });
          else if (sink === step.run)
            findings.push({
              line,
              rule: 'expression-in-run',
              severity: 'note',
              confidence: 'low',
              message: `job "${job.id}": prefer env: over \${{ ${expression} }} inside run: (not attacker-controlled here)`,
            });
        }
      }
      findings.push(...githubEnv(workflow, taint, job, step, index, severity));
    });
  return findings;
};

const FILE_READ = /\bcat\b|\$\(<|\bread\b|\bunzip\b|\bjq\b/;

/** Untrusted text written to $GITHUB_ENV / $GITHUB_PATH sets variables (LD_PRELOAD, PATH) for every later step. */
function githubEnv(
  workflow: WorkflowModel,
  taint: TaintModel,
  job: JobModel,
  step: StepModel,
  index: number,
  severity: Severity,
): RuleFinding[] {
  const run: Located | null = step.run;
  if (run === null || !/GITHUB_(ENV|PATH|OUTPUT)/.test(run.value)) return [];
  const vars = taint.env(job, step);
  const tainted = [...vars]
    .filter(([, value]) => value.has('text'))
    .map(([name]) => name)
    .filter((name) => new RegExp(`\\$\\{?${name}\\b`).test(run.value));
  const direct = expressionsOf(run.value).some((item) =>
    taint.expression(item.expression, job, index).has('text'),
  );
  const artifact = taint.afterArtifacts(job, index) && FILE_READ.test(run.value);
  if (tainted.length === 0 && !direct && !artifact) return [];
  const what =
    tainted.length > 0
      ? `$${tainted[0] ?? ''} (attacker-controlled)`
      : artifact
        ? "another run's artifact"
        : 'attacker-controlled text';
  const findings: RuleFinding[] = [];
  run.value.split('\n').forEach((text, at) => {
    const target = /GITHUB_(ENV|PATH)/.exec(text)?.[0];
    const output =
      /GITHUB_OUTPUT/.test(text) && tainted.length > 0 && !direct && !/<</.test(run.value);
    if (target !== undefined)
      findings.push({
        line: lineInRun(workflow.text, run, at),
        rule: 'github-env',
        severity,
        confidence: 'high',
        message: `job "${job.id}": writes ${what} to $${target}, which sets variables for every later step`,
      });
    else if (output)
      findings.push({
        line: lineInRun(workflow.text, run, at),
        rule: 'github-env',
        severity: 'warning',
        confidence: 'medium',
        message: `job "${job.id}": writes ${what} to $GITHUB_OUTPUT; a newline in it sets other outputs (use a random heredoc delimiter)`,
      });
  });
  return findings;
}
