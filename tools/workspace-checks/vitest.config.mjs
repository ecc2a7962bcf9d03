import { defineConfig } from 'vitest/config';

// No coverage here: these tests check the workspace's lint configuration, not code of their own.
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
