import type { StepModel } from './_workflow-model';
import type { Rule, RuleFinding } from './_rule';

const GATE = /\brc gate check\b/;
const DISPATCH = /\brc orchestrator dispatch\b/;

/**
 * The gate decides whether a comment may command rc at all, so in a job that dispatches it runs
 * first: no dispatch and no secret-using step before it.
 */
export const ungatedDispatch: Rule = (workflow) => {
  const findings: RuleFinding[] = [];
  for (const job of workflow.jobs) {
    const gate = job.steps.findIndex((step) => GATE.test(step.run?.value ?? ''));
    const dispatches = job.steps.some((step) => DISPATCH.test(step.run?.value ?? ''));
    if (!dispatches && gate === -1) continue;
    job.steps.forEach((step, index) => {
      if (gate !== -1 && index >= gate) return;
      if (DISPATCH.test(step.run?.value ?? ''))
        findings.push({
          line: step.line,
          rule: 'ungated-dispatch',
          message: `job "${job.id}": rc orchestrator dispatch runs before any rc gate check`,
        });
      else if (usesSecret(step))
        findings.push({
          line: step.line,
          rule: 'ungated-dispatch',
          message: `job "${job.id}": a step uses a secret before rc gate check has run`,
        });
    });
  }
  return findings;
};

function usesSecret(step: StepModel): boolean {
  const values = [step.run, ...step.env.values(), ...step.with.values()];
  return values.some((value) => value !== null && /secrets\./.test(value.value));
}
