#!/usr/bin/env node
'use strict';
// Committed so that npm links `rc` into node_modules/.bin at install time: npm links a workspace
// bin only if its target exists then, and dist/ is built later. It runs the built launcher.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const launcher = join(__dirname, '..', 'dist', 'rc.cjs');
if (existsSync(launcher)) {
  require(launcher);
} else {
  process.stderr.write(
    `rc: the CLI is not built yet (${launcher} is missing): run \`npm run build\` in the rc repository\n`,
  );
  process.exitCode = 1;
}
