#!/usr/bin/env node
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { fastPlanOptions } from './fast-plan-options';
import { loadBundle } from './load-bundle';
import { VERSION } from './version';

// The launcher, built as CommonJS (dist/rc.cjs): Node 20 spends ~10 ms starting its ES module
// loader, so `rc --version` and `rc orchestrator plan` never start it. Every other command loads
// the ES module build (dist/index.js) and its command tree.
const args = process.argv.slice(2);
const plan = fastPlanOptions(args);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Written straight to fd 1: creating process.stdout's stream costs a tenth of Node's start.
  // Should the write fail at once (a non-blocking pipe that is full), the stream takes over.
  try {
    writeSync(1, `${VERSION}\n`);
  } catch {
    process.stdout.write(`${VERSION}\n`);
  }
} else if (plan !== null) {
  // One bundle holding the whole plan path: no command tree, no chunks, compiled code cached.
  const { processIo, runPlan } = loadBundle(
    join(__dirname, 'plan.cjs'),
  ) as typeof import('./plan-entry');
  void runPlan(plan, processIo({ direct: true })).then((code) => {
    process.exitCode = code;
  });
} else {
  void import('./index.js').then(async ({ processIo, run }) => {
    process.exitCode = await run(args, processIo());
  });
}
