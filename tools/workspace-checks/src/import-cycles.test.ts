import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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

// Type-only cycles: import-x/no-cycle skips `import type` by design, so `npm run cycles`
// (dependency-cruiser, the root .dependency-cruiser.cjs) checks the sources for them too.
describe('type-only import cycles', () => {
  const typeCycle = 'tools/workspace-checks/fixtures/type-cycle';
  const depcruise = (...paths: string[]) =>
    spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        '--config',
        '.dependency-cruiser.cjs',
        ...paths,
      ],
      { cwd: root, encoding: 'utf8' },
    );

  it('pass ESLint', async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const results = await eslint.lintFiles([`${typeCycle}/run-options.ts`]);
    expect(results.flatMap((result) => result.messages.map((m) => m.ruleId))).toEqual([]);
  });

  it('fail the cycles check, naming both files', () => {
    const result = depcruise(typeCycle);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('no-circular');
    expect(result.stdout).toContain(`${typeCycle}/run-options.ts`);
    expect(result.stdout).toContain(`${typeCycle}/run-outcome.ts`);
  });

  it('pass on the loop sources, whose type cycles were broken', () => {
    const result = depcruise('packages/loop/src');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no dependency violations found');
  });
});
