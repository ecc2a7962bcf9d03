import { lineInRun, type Rule, type RuleFinding } from './_rule';

const PRINTS = /\b(echo|printf|print)\b/;
const DUMPS = /(^|[\s;&|(])(printenv|env|set\s+-x|set\s+-o\s+xtrace)\s*($|[;&|)])/;
/** Output sent to a file or into another command (not tee, not a terminal) is not printed. */
const AWAY = /(^|[^0-9&>])>>?\s*(?!&|\/dev\/(stdout|stderr|tty))\S|\|\s*(?!tee\b)[\w./-]/;

/**
 * Masking is best effort (a transformed secret is not masked), so a secret is never printed:
 * not echoed, not dumped with `env`, not traced with `set -x`. Writing it to a file or piping
 * it into a command (`docker login --password-stdin`) prints nothing.
 */
export const secretEchoed: Rule = (workflow) => {
  const findings: RuleFinding[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const run = step.run;
      if (run === null) continue;
      const names = [
        ...secretNames(workflow.env),
        ...secretNames(job.env),
        ...secretNames(step.env),
      ];
      run.value.split('\n').forEach((text, index) => {
        const problem = problemOf(text, names);
        if (problem === null) return;
        findings.push({
          line: lineInRun(workflow.text, run, index),
          rule: 'secret-echoed',
          severity: 'error',
          confidence: 'medium',
          message: `job "${job.id}": ${problem}; secrets must never be printed`,
        });
      });
    }
  }
  return findings;
};

function problemOf(text: string, names: readonly string[]): string | null {
  const printed = PRINTS.test(text) && !AWAY.test(text) && !text.includes('::add-mask::');
  if (printed && /\$\{\{\s*secrets\./.test(text)) return 'prints a ${{ secrets.* }} value';
  if (printed && names.some((name) => new RegExp(`\\$\\{?${name}\\b`).test(text)))
    return 'prints a variable that holds a secret';
  if (names.length > 0 && DUMPS.test(text))
    return 'dumps the environment or traces commands while a secret is in it';
  return null;
}

function secretNames(env: ReadonlyMap<string, { value: string }>): string[] {
  return [...env].filter(([, value]) => /secrets\./.test(value.value)).map(([name]) => name);
}
