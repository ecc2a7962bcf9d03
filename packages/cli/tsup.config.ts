import { libraryConfig } from '../../tsup.config.base';
import manifest from './package.json' with { type: 'json' };

// One self-contained bundle (dependencies inlined) so `rc` starts close to Node's own time;
// `--version` is answered before the command tree is even loaded. Bundled CommonJS
// dependencies (commander) still call `require`, so each chunk gets one.
export default libraryConfig({
  entry: { rc: 'src/bin.ts', index: 'src/index.ts' },
  noExternal: [/.*/],
  splitting: true,
  minify: true,
  define: { __RC_VERSION__: JSON.stringify(manifest.version) },
  banner: {
    js: "import { createRequire as __rcCreateRequire } from 'node:module'; const require = __rcCreateRequire(import.meta.url);",
  },
});
