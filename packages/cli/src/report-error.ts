import { createRedactor, EXIT_CODES, isRcError, type ExitCode } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';
import { gitFailureHint } from './git-failure-hint';

/**
 * Turns any error into one redacted message on stderr and the exit code of DESIGN.md. A git
 * failure rc recognises is said as what to do, with git's own words indented below.
 */
export function reportError(error: unknown, io: CliIo): ExitCode {
  const redactor = createRedactor({ env: io.env });
  if (isRcError(error)) {
    const hint = gitFailureHint(error.message, io.cwd);
    const lines = [
      ...(hint === null ? [`rc: ${error.message}`] : [`rc: ${hint}`, `  ${error.message}`]),
      ...error.issues.map((issue) => `  ${issue}`),
    ];
    io.stderr.write(`${redactor.redact(lines.join('\n'))}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `${redactor.redact(`rc: internal error: ${message}`)}\nrc: this is a bug in rc; please report it with the command you ran.\n`,
  );
  return EXIT_CODES.failed;
}
