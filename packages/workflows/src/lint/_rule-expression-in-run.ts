import { offsetsOf, type Rule } from './_rule';

/**
 * `${{ }}` inside `run:` is pasted into the script before the shell sees it, so an issue title
 * or an input becomes code. Values go through `env:` and are read as "$VAR".
 */
export const expressionInRun: Rule = (workflow) =>
  workflow.jobs.flatMap((job) =>
    job.steps.flatMap((step) =>
      step.run === null
        ? []
        : offsetsOf(workflow.text, /\$\{\{/g, step.run.start, step.run.end).map((offset) => ({
            line: workflow.lineAt(offset),
            rule: 'expression-in-run',
            message: `job "${job.id}": an \${{ }} expression inside run: is script injection; pass the value through env: and use "$VAR"`,
          })),
    ),
  );
