import nx from '@nx/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const layers = ['layer:core', 'layer:adapter', 'layer:domain', 'layer:app'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      'packages/cli/bundle',
      // The GitHub Action's generated, committed bundle (see packages/workflows/README.md).
      'packages/workflows/action',
      '**/coverage',
      '**/node_modules',
      '**/.nx',
      '**/*.d.ts',
      // Files that break rules on purpose, for tools/workspace-checks to prove the rules fail.
      'tools/workspace-checks/fixtures',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      // The layers of DESIGN.md: core <- adapter <- domain <- app, and no domain imports another.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'layer:core', notDependOnLibsWithTags: layers },
            { sourceTag: 'layer:adapter', onlyDependOnLibsWithTags: ['layer:core'] },
            {
              sourceTag: 'layer:domain',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:adapter'],
            },
            { sourceTag: 'layer:app', onlyDependOnLibsWithTags: layers },
            { sourceTag: 'layer:tooling', notDependOnLibsWithTags: layers },
          ],
        },
      ],
    },
  },
  {
    // No import cycles between files: shared types get a file of their own instead. (Cycles between
    // packages are @nx/enforce-module-boundaries' to report.)
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Build and test configs import the shared root bases by path; they are not library code.
    files: ['**/*.config.ts', '**/*.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Type-aware rules for the packages (each package's tsconfig.json covers src and test): a
    // promise nobody awaits loses its rejection, and one passed where a callback's result is
    // ignored (an event handler, a forEach) runs unawaited. Lint depends on ^build, as typecheck
    // does, so the types of the other @rc packages it imports are there.
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Libraries never exit and never print: only layer:app turns errors into output.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/cli/**', 'packages/workflows/**', '**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only layer:app may exit.' },
        { object: 'process', property: 'argv', message: 'Only layer:app may read argv.' },
      ],
    },
  },
];
