import type { Rule } from './_rule';

/**
 * actions/checkout leaves the token in .git/config unless told not to, where every later step
 * (and anything it runs) can read it.
 */
export const persistCredentials: Rule = (workflow) =>
  workflow.jobs.flatMap((job) =>
    job.steps.flatMap((step) =>
      step.uses !== null &&
      /^actions\/checkout@/.test(step.uses.value) &&
      step.with.get('persist-credentials')?.value !== 'false'
        ? [
            {
              line: step.uses.line,
              rule: 'persist-credentials',
              message: `job "${job.id}": checkout without "persist-credentials: false" leaves the token in .git/config`,
            },
          ]
        : [],
    ),
  );
