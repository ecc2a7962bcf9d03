import { createRedactor, redactUrlCredentials } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';
import { neutralizeWorkflowCommands } from './neutralize-workflow-commands';

/**
 * `io` with stdout and stderr redacted: secrets from the environment, GitHub token shapes and
 * credentials in URLs never get out, whichever command prints them. There is deliberately no
 * unredacted channel: a workflow command such as `::add-mask::<secret>` would have to name the
 * secret in clear, and on stdout it would also corrupt `--json` output and land in any file it
 * is redirected to. rc has no secret of its own to mask: its tokens come from the environment,
 * which in Actions means `secrets.*` or `github.token`, both masked by the runner already.
 * Inside Actions, text that would read as a workflow command (echoed from a comment) is defused.
 */
export function redactingIo(io: CliIo): CliIo {
  const redactor = createRedactor({ env: io.env });
  const inActions = io.env['GITHUB_ACTIONS'] === 'true';
  const redact = (chunk: string) => {
    const clean = redactUrlCredentials(redactor.redact(chunk));
    return inActions ? neutralizeWorkflowCommands(clean) : clean;
  };
  return {
    ...io,
    stdout: { write: (chunk: string) => io.stdout.write(redact(chunk)) },
    stderr: { write: (chunk: string) => io.stderr.write(redact(chunk)) },
  };
}
