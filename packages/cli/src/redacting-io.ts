import { createRedactor } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';

/**
 * The io every command gets: everything rc prints passes through one redactor, so no command can
 * leak a secret by forgetting. The unredacted stdout stays reachable only as `workflowCommands`.
 */
export function redactingIo(io: CliIo): CliIo {
  const redactor = createRedactor({ env: io.env });
  return {
    ...io,
    workflowCommands: io.stdout,
    stdout: { write: (chunk: string) => io.stdout.write(redactor.redact(chunk)) },
    stderr: { write: (chunk: string) => io.stderr.write(redactor.redact(chunk)) },
  };
}
