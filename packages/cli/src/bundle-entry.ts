#!/usr/bin/env node
import { processIo } from './process-io';
import { run } from './run';

// The whole CLI in one CommonJS file, committed as bundle/rc.cjs: the reusable workflows run it
// from a checkout of this repository at a pinned commit, so adopting rc installs nothing from npm.
void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
