import { defineConfig } from 'vitest/config';

/** The one test setup every package shares: node environment, v8 coverage, 90% lines at least. */
export function packageTestConfig(
  overrides: { include?: string[]; testTimeout?: number; coverageExclude?: string[] } = {},
) {
  return defineConfig({
    test: {
      environment: 'node',
      include: overrides.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 20_000,
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts', 'src/index.ts', ...(overrides.coverageExclude ?? [])],
        reporter: ['text-summary', 'json-summary'],
        thresholds: { lines: 90 },
      },
    },
  });
}
