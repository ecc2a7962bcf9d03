import { defineConfig } from 'vitest/config';

// No coverage: these tests drive npm, changesets and the built CLI as a user would.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
