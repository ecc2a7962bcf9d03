import { InterruptedError, systemClock } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';

/** The real process: stdio, environment, working directory and wall clock. */
export function processIo(): CliIo {
  const controller = new AbortController();
  const interrupt = (name: string) => {
    if (controller.signal.aborted) process.exit(130); // a second signal: stop now
    controller.abort(new InterruptedError(`interrupted by ${name}`));
    // A command that does not watch the signal still ends, after a grace period.
    setTimeout(() => process.exit(130), 10_000).unref();
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));
  return {
    signal: controller.signal,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      if (process.stdin.isTTY) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
    clock: systemClock,
  };
}
