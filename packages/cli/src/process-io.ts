import { InterruptedError, systemClock } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';
import { fdSink } from './fd-sink';

/** Options of {@link processIo}. */
export interface ProcessIoOptions {
  /**
   * Write stdout and stderr straight to file descriptors 1 and 2 (see fdSink) rather than
   * through process.stdout and process.stderr, which a short command need not create.
   * @default false
   */
  direct?: boolean;
}

/** The real process: stdio, environment, working directory and wall clock. */
export function processIo(options: ProcessIoOptions = {}): CliIo {
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
    stdout: options.direct ? fdSink(1, () => process.stdout) : process.stdout,
    stderr: options.direct ? fdSink(2, () => process.stderr) : process.stderr,
    readStdin: async () => {
      if (process.stdin.isTTY) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
    clock: systemClock,
    isStderrTTY: () => process.stderr.isTTY === true,
  };
}
