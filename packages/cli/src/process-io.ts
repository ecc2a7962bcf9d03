import { EXIT_CODES, InterruptedError, systemClock } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';
import { fdSink } from './fd-sink';

/** The parts of a Node.js process that {@link processIo} wires up. */
export type ProcessLike = Pick<
  NodeJS.Process,
  'on' | 'exit' | 'stdout' | 'stderr' | 'stdin' | 'env' | 'cwd'
>;

/** Options of {@link processIo}. */
export interface ProcessIoOptions {
  /**
   * Write stdout and stderr straight to file descriptors 1 and 2 (see fdSink) rather than
   * through process.stdout and process.stderr, which a short command need not create.
   * @default false
   */
  direct?: boolean;
  /**
   * The process whose streams, environment, directory, signals and exit are used.
   * @default process (this one)
   */
  process?: ProcessLike;
}

/** How long a command that does not watch the signal gets to end after the first one. */
const GRACE_MS = 10_000;

/**
 * The real process: stdio, environment, working directory and wall clock. SIGINT or SIGTERM
 * aborts `signal` with an InterruptedError; a second one, or the grace period, exits 130.
 */
export function processIo(options: ProcessIoOptions = {}): CliIo {
  const proc = options.process ?? process;
  const controller = new AbortController();
  const interrupt = (name: string) => {
    if (controller.signal.aborted) proc.exit(EXIT_CODES.interrupted); // a second signal: stop now
    controller.abort(new InterruptedError(`interrupted by ${name}`));
    // A command that does not watch the signal still ends, after a grace period.
    setTimeout(() => proc.exit(EXIT_CODES.interrupted), GRACE_MS).unref();
  };
  proc.on('SIGINT', () => interrupt('SIGINT'));
  proc.on('SIGTERM', () => interrupt('SIGTERM'));
  return {
    signal: controller.signal,
    stdout: options.direct ? fdSink(1, () => proc.stdout) : proc.stdout,
    stderr: options.direct ? fdSink(2, () => proc.stderr) : proc.stderr,
    readStdin: async () => {
      if (proc.stdin.isTTY) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of proc.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString('utf8');
    },
    env: proc.env,
    cwd: proc.cwd(),
    clock: systemClock,
    isStderrTTY: () => process.stderr.isTTY === true,
  };
}
