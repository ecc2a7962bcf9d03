import { lineInRun, type Rule, type RuleFinding } from './_rule';

const PRINTS = /\b(echo|printf|print|tee)\b/;
const DUMPS = /(^|[\s;&|(])(printenv|env|set\s+-x|set\s+-o\s+xtrace)\s*($|[;&|)])/;

/**
 * Masking is best effort (a transformed secret is not masked), so a secret is never printed:
 * not echoed, not dumped with `env`, not traced with `set -x`.
 */
export const secretEchoed: Rule = (workflow) => {
  const findings: RuleFinding[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const run = step.run;
      if (run === null) continue;
      const names = [...secretNames(job.env), ...secretNames(step.env)];
      run.value.split('\n').forEach((text, index) => {
        const problem = problemOf(text, names);
        if (problem === null) return;
        findings.push({
          line: lineInRun(workflow.text, run, index),
          rule: 'secret-echoed',
          message: `job "${job.id}": ${problem}; secrets must never be printed`,
        });
      });
    }
  }
  return findings;
};

function problemOf(text: string, names: readonly string[]): string | null {
  if (/\$\{\{\s*secrets\./.test(text) && PRINTS.test(text))
    return 'prints a ${{ secrets.* }} value';
  if (names.some((name) => PRINTS.test(text) && new RegExp(`\\$\\{?${name}\\b`).test(text)))
    return 'prints a variable that holds a secret';
  if (names.length > 0 && DUMPS.test(text))
    return 'dumps the environment or traces commands while a secret is in it';
  return null;
}

function secretNames(env: ReadonlyMap<string, { value: string }>): string[] {
  return [...env].filter(([, value]) => /secrets\./.test(value.value)).map(([name]) => name);
}
