import { defineConfig } from 'vitest/config';

// No coverage here: these tests check the workspace's lint configuration, not code of their own.
// Building the project graph in beforeAll takes more than vitest's 10 s on a busy machine.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
