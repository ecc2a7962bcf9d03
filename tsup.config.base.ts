import { defineConfig, type Options } from 'tsup';

/** The one build every library shares: ESM only, bundled declarations, Node 20 target. */
export function libraryConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: true,
    clean: true,
    sourcemap: false,
    treeshake: true,
    ...overrides,
  });
}
