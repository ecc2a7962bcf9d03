import { expressionsOf, lineInRun, type Rule, type RuleFinding } from './_rule';
import { taintOf } from './_taint';

/** Triggers that run with secrets and a write token even for outside contributors. */
const PRIVILEGED = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);

const PR_HEAD =
  /refs\/pull\/|\bpull\/[^\s'"]*\/(head|merge)|gh pr checkout|git (fetch|checkout|switch)[^\n]*(pr-?head|FETCH_HEAD)/;

/** Shell commands that bring another ref's code into the workspace (not `git diff` or `git log`). */
const FETCHES =
  /\bgit\s+(fetch|checkout|switch|clone|worktree|pull|reset)\b|\bgh\s+pr\s+checkout\b/;

/** Triggers where a called workflow from elsewhere is commonly the one checking out the head. */
const PR_PRIVILEGED = new Set(['pull_request_target', 'workflow_run']);

/**
 * In a privileged trigger, checking out the pull request's head runs untrusted code with the
 * workflow's secrets ("pwn request"). The head may be named directly, computed in an earlier
 * step (its output), returned by github-script, or fetched in `run:`. A reusable workflow from
 * another repository called from `pull_request_target`/`workflow_run` runs in the same
 * privileged context, out of rc's sight: a warning (fastify's shared benchmark workflow was one).
 */
export const prHeadCheckout: Rule = (workflow) => {
  const trigger = workflow.triggers.find((name) => PRIVILEGED.has(name));
  if (trigger === undefined) return [];
  const taint = taintOf(workflow);
  const findings: RuleFinding[] = [];
  const report = (line: number, job: string) =>
    findings.push({
      line,
      rule: 'pr-head-checkout',
      severity: 'error',
      confidence: 'high',
      message: `job "${job}": checks out pull request head code in a privileged "${trigger}" workflow, where it runs with the workflow's secrets`,
    });
  for (const job of workflow.jobs) {
    const called = job.uses;
    if (called !== null && !called.value.startsWith('./') && PR_PRIVILEGED.has(trigger))
      findings.push({
        line: called.line,
        rule: 'pr-head-checkout',
        severity: 'warning',
        confidence: 'low',
        message: `job "${job.id}": calls ${called.value} from a privileged "${trigger}" workflow, where it runs with this workflow's token and secrets; rc cannot see whether it checks out pull request code: review it, or run the untrusted part on "pull_request"`,
      });
    job.steps.forEach((step, index) => {
      if (/^actions\/checkout@/.test(step.uses?.value ?? '')) {
        for (const value of [step.with.get('ref'), step.with.get('repository')]) {
          if (value === undefined) continue;
          const head =
            PR_HEAD.test(value.value) ||
            expressionsOf(value.value).some((item) =>
              taint.expression(item.expression, job, index).has('head'),
            );
          if (head) report(value.line, job.id);
        }
      }
      const run = step.run;
      if (run === null) return;
      const vars = taint.env(job, step);
      run.value.split('\n').forEach((text, at) => {
        const fetches = FETCHES.test(text);
        const viaExpression =
          fetches &&
          expressionsOf(text).some((item) =>
            taint.expression(item.expression, job, index).has('head'),
          );
        const viaEnv =
          fetches &&
          [...vars].some(
            ([name, value]) => value.has('head') && new RegExp(`\\$\\{?${name}\\b`).test(text),
          );
        if (PR_HEAD.test(text) || viaExpression || viaEnv)
          report(lineInRun(workflow.text, run, at), job.id);
      });
    });
  }
  return findings;
};
