import { defineConfig } from 'vitest/config';

// No coverage: the test drives bench/run.mjs against the built CLI, as `npm run bench` does.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
