import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The real root eslint.config.mjs on two committed files that import each other (the folder is
// left out of `eslint .` so the repository itself stays clean; `ignore: false` lints it here).
const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = 'tools/workspace-checks/fixtures/import-cycle';

describe('import cycles', () => {
  it('fail lint in every file of the cycle', async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const results = await eslint.lintFiles([`${fixtures}/plan.ts`, `${fixtures}/describe-plan.ts`]);
    const problems = results.map((result) => ({
      file: result.filePath.slice(root.length),
      rules: result.messages.map((message) => message.ruleId),
    }));
    expect(problems).toEqual([
      { file: `${fixtures}/plan.ts`, rules: ['import-x/no-cycle'] },
      { file: `${fixtures}/describe-plan.ts`, rules: ['import-x/no-cycle'] },
    ]);
  });

  it('are left out of the repository lint, which would otherwise fail', async () => {
    const eslint = new ESLint({ cwd: root });
    expect(await eslint.isPathIgnored(`${root}${fixtures}/plan.ts`)).toBe(true);
  });
});
