import type { Rule } from './_rule';
import { PRIVILEGED_TRIGGERS } from './_taint';

/**
 * actions/checkout leaves the token in .git/config unless told not to, where every later step
 * (and an uploaded artifact of the workspace) can read it: a warning where the token can write
 * for an outsider's event, else a note.
 */
export const persistCredentials: Rule = (workflow) => {
  const privileged = workflow.triggers.some(
    (trigger) => PRIVILEGED_TRIGGERS.has(trigger) && trigger !== 'push',
  );
  return workflow.jobs.flatMap((job) =>
    job.steps.flatMap((step) =>
      step.uses !== null &&
      /^actions\/checkout@/.test(step.uses.value) &&
      step.with.get('persist-credentials')?.value !== 'false'
        ? [
            {
              line: step.uses.line,
              rule: 'persist-credentials',
              severity: privileged ? ('warning' as const) : ('note' as const),
              confidence: 'medium' as const,
              message: `job "${job.id}": checkout without "persist-credentials: false" leaves the token in .git/config`,
            },
          ]
        : [],
    ),
  );
};
