import type { Clock } from '@rc/orchestrator-core';

/** Something text can be written to (process.stdout, a test buffer). */
export interface TextSink {
  write(chunk: string): unknown;
}

/** Everything the CLI touches outside itself, passed in so tests can drive it. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Reads all of standard input; resolves to null when stdin is a terminal (nothing piped). */
  readStdin: () => Promise<string | null>;
  env: Record<string, string | undefined>;
  cwd: string;
  clock: Clock;
  /** Aborted on the first Ctrl-C (SIGINT) or SIGTERM: long commands stop cleanly and exit 130. */
  signal: AbortSignal;
  /** Whether stderr is a terminal (asked only by commands that log progress). @default () => false */
  isStderrTTY?: () => boolean;
}
