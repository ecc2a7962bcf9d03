/**
 * Import cycles between source files, type-only imports included (ESLint's import-x/no-cycle
 * skips those by design). Cross-package rules are Nx's (`@nx/enforce-module-boundaries`).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between files, types included: give the shared part a file of its own.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    // `import type` counts: a cycle of types is still a cycle to read through.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
