import nx from '@nx/eslint-plugin';

const layers = ['layer:core', 'layer:adapter', 'layer:domain', 'layer:app'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      'packages/cli/bundle',
      '**/coverage',
      '**/node_modules',
      '**/.nx',
      '**/*.d.ts',
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
    // Build and test configs import the shared root bases by path; they are not library code.
    files: ['**/*.config.ts', '**/*.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
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
