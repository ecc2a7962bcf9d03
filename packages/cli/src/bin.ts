#!/usr/bin/env node
import { VERSION } from './version';

// `rc --version` answers before the command tree is loaded, so it costs little more than Node.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { processIo } = await import('./process-io');
  const { run } = await import('./run');
  process.exitCode = await run(args, processIo());
}
