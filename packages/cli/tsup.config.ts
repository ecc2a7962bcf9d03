import { libraryConfig } from '../../tsup.config.base';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import manifest from './package.json' with { type: 'json' };

// yaml's "node" export is CommonJS, which a bundle must keep whole; its ESM build is the same
// parser and tree-shakes down to what `parse` needs.
const yamlEsm = join(
  dirname(createRequire(import.meta.url).resolve('yaml/package.json')),
  'browser/index.js',
);

// One self-contained bundle (dependencies inlined) so `rc` starts close to Node's own time;
// `--version` is answered before the command tree is even loaded. Bundled CommonJS
// dependencies (commander) still call `require`, so each chunk gets one.
export default libraryConfig({
  entry: { rc: 'src/bin.ts', index: 'src/index.ts' },
  noExternal: [/.*/],
  splitting: true,
  minify: true,
  esbuildOptions(options) {
    options.alias = { ...options.alias, yaml: yamlEsm };
  },
  define: { __RC_VERSION__: JSON.stringify(manifest.version) },
  banner: {
    js: "import { createRequire as __rcCreateRequire } from 'node:module'; const require = __rcCreateRequire(import.meta.url);",
  },
});
