import { createRedactor, redactUrlCredentials } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';

/**
 * `io` with stdout and stderr redacted: secrets from the environment, GitHub token shapes and
 * credentials in URLs never get out, whichever command prints them. There is deliberately no
 * unredacted channel: a workflow command such as `::add-mask::<secret>` would have to name the
 * secret in clear, and on stdout it would also corrupt `--json` output and land in any file it
 * is redirected to. rc has no secret of its own to mask: its tokens come from the environment,
 * which in Actions means `secrets.*` or `github.token`, both masked by the runner already.
 */
export function redactingIo(io: CliIo): CliIo {
  const redactor = createRedactor({ env: io.env });
  const redact = (chunk: string) => redactUrlCredentials(redactor.redact(chunk));
  return {
    ...io,
    stdout: { write: (chunk: string) => io.stdout.write(redact(chunk)) },
    stderr: { write: (chunk: string) => io.stderr.write(redact(chunk)) },
  };
}
