import type { JobModel, StepModel } from './_workflow-model';
import type { Rule, RuleFinding } from './_rule';

const GATE = /\brc gate check\b/;
const DISPATCH = /\brc orchestrator dispatch\b/;
/** A gate whose "no" is thrown away: `|| true`, `|| :`, `|| exit 0`, `; true`. */
const SWALLOWED = /\brc gate check\b[^\n]*(\|\|\s*(true|:|exit\s+0)\b|;\s*true\b)/;
/** An `if:` that runs a step or job even when an earlier one (the gate) failed. */
const RUNS_ANYWAY = /\b(always|failure)\(\)|!\s*cancelled\(\)/;

/**
 * rc policy: the gate decides whether a comment may command rc at all, so a dispatch runs only
 * after a gate said yes: later in the same job (no dispatch and no secret-using step before it,
 * not run anyway with `if: always()`), or in a job that `needs:` the gate job. A gate whose
 * failure is swallowed (`|| true`, `continue-on-error`) gates nothing.
 */
export const ungatedDispatch: Rule = (workflow) => {
  const findings: RuleFinding[] = [];
  const report = (line: number, message: string) =>
    findings.push({
      line,
      rule: 'ungated-dispatch',
      severity: 'error',
      confidence: 'high',
      message,
    });
  const gateJobs = new Set(
    workflow.jobs.filter((job) => job.steps.some(isGate)).map((job) => job.id),
  );
  for (const job of workflow.jobs) {
    const gate = job.steps.findIndex(isGate);
    for (const step of job.steps.filter(isGate)) {
      if (SWALLOWED.test(step.run?.value ?? ''))
        report(
          step.line,
          `job "${job.id}": rc gate check's failure is swallowed, so a denied comment goes on`,
        );
      if (step.continueOnError !== null && step.continueOnError.value !== 'false')
        report(
          step.continueOnError.line,
          `job "${job.id}": continue-on-error on rc gate check lets a denied comment go on`,
        );
    }
    const dispatches = job.steps.some(isDispatch);
    if (!dispatches && gate === -1) continue;
    job.steps.forEach((step, index) => {
      if (gate !== -1 && index < gate) {
        if (isDispatch(step))
          report(
            step.line,
            `job "${job.id}": rc orchestrator dispatch runs before any rc gate check`,
          );
        else if (usesSecret(step))
          report(step.line, `job "${job.id}": a step uses a secret before rc gate check has run`);
      } else if (
        gate !== -1 &&
        index > gate &&
        isDispatch(step) &&
        RUNS_ANYWAY.test(step.if?.value ?? '')
      )
        report(
          step.if?.line ?? step.line,
          `job "${job.id}": the dispatch step runs even when rc gate check failed ("if: ${step.if?.value ?? ''}")`,
        );
    });
    if (gate === -1 && dispatches) crossJob(job, gateJobs, report);
  }
  return findings;
};

function crossJob(
  job: JobModel,
  gateJobs: ReadonlySet<string>,
  report: (line: number, message: string) => void,
): void {
  const gates = job.needs.filter((name) => gateJobs.has(name));
  const condition = job.if?.value ?? '';
  if (gates.length === 0)
    report(
      job.line,
      `job "${job.id}": rc orchestrator dispatch runs in a job with no rc gate check before it (in the job or in a job it needs)`,
    );
  else if (
    RUNS_ANYWAY.test(condition) &&
    !gates.some((name) => new RegExp(`needs\\.${name}\\.(outputs|result)`).test(condition))
  )
    report(
      job.if?.line ?? job.line,
      `job "${job.id}": runs even when the gate job failed ("if: ${condition}")`,
    );
}

function isGate(step: StepModel): boolean {
  return GATE.test(step.run?.value ?? '');
}

function isDispatch(step: StepModel): boolean {
  return DISPATCH.test(step.run?.value ?? '');
}

function usesSecret(step: StepModel): boolean {
  const values = [step.run, ...step.env.values(), ...step.with.values()];
  return values.some((value) => value !== null && /secrets\./.test(value.value));
}
