import { defineConfig } from 'vitest/config';

// Plain defineConfig: the shared base measures src/**/*.ts, but this plugin's code is CommonJS.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/generators/**/generator.cjs'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 90 },
    },
  },
});
