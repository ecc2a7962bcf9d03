import { fileURLToPath } from 'node:url';
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The real root eslint.config.mjs, the real @nx/enforce-module-boundaries rule and the real project
// graph, linting source text as if it were written at a path inside a package: nothing is written.
const root = fileURLToPath(new URL('../../..', import.meta.url));
let eslint: ESLint;

beforeAll(async () => {
  await createProjectGraphAsync({ exitOnError: false });
  // The probe files exist only as text, so no tsconfig has them: lint them without type information.
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
      },
    },
  });
});

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer boundaries', () => {
  it('fail lint when core imports the cli', async () => {
    const problems = await rulesBroken(
      'packages/orchestrator-core/src/probe.ts',
      "import { run } from '@rc/cli';\nexport const probe = run;\n",
    );
    // The cli already depends on core, so Nx reports the cycle before the tag rule.
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^@nx\/enforce-module-boundaries: /)]),
    );
  });

  it('fail lint when tooling imports a package', async () => {
    const problems = await rulesBroken(
      'tools/workspace-checks/src/probe.ts',
      "import { canonicalJson } from '@rc/orchestrator-core';\nexport const probe = canonicalJson;\n",
    );
    expect(problems).toEqual([
      expect.stringMatching(/^@nx\/enforce-module-boundaries: .*"layer:tooling".*"layer:core"/),
    ]);
  });

  it('fail lint when one domain package imports another (the gate importing the loop)', async () => {
    const problems = await rulesBroken(
      'packages/gate/src/probe.ts',
      "import { nextTurn } from '@rc/loop';\nexport const probe = nextTurn;\n",
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^@nx\/enforce-module-boundaries: .*"layer:domain".*"layer:core", "layer:adapter"/,
      ),
    ]);
  });

  it('let a domain package import an adapter, and an adapter import core', async () => {
    expect(
      await rulesBroken(
        'packages/gate/src/probe.ts',
        "import { createGitHubClient } from '@rc/github';\nexport const probe = createGitHubClient;\n",
      ),
    ).toEqual([]);
    expect(
      await rulesBroken(
        'packages/github/src/probe.ts',
        "import { canonicalJson } from '@rc/orchestrator-core';\nexport const probe = canonicalJson;\n",
      ),
    ).toEqual([]);
  });

  it('let the app import core, and core import its own dependencies', async () => {
    expect(
      await rulesBroken(
        'packages/cli/src/probe.ts',
        "import { canonicalJson } from '@rc/orchestrator-core';\nexport const probe = canonicalJson;\n",
      ),
    ).toEqual([]);
    expect(
      await rulesBroken(
        'packages/orchestrator-core/src/probe.ts',
        "import { z } from 'zod';\nexport const probe = z;\n",
      ),
    ).toEqual([]);
  });

  it('keep libraries from exiting or printing', async () => {
    const problems = await rulesBroken(
      'packages/orchestrator-core/src/probe.ts',
      "export function probe(): void {\n  console.log('x');\n  process.exit(1);\n}\n",
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-console: /),
        expect.stringMatching(/^no-restricted-properties: .*Only layer:app may exit/),
      ]),
    );
    expect(
      await rulesBroken(
        'packages/cli/src/probe.ts',
        'export function probe(): void {\n  process.exit(1);\n}\n',
      ),
    ).toEqual([]);
  });
});
