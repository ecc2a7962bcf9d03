// The bundled entry of rc's GitHub Action (action.yml): the only file here that touches process.
import { createRedactor, redactUrlCredentials } from '@rc/orchestrator-core';
import { formatWorkflowCommand } from '@rc/github';
import { describeError } from './describe-error';
import { runAction } from './run-action';

try {
  process.exitCode = await runAction({
    env: process.env,
    cwd: process.cwd(),
    clock: () => new Date(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  const { code, message } = describeError(error);
  // An error may quote a path, a URL or a response: it goes out redacted like everything else,
  // escaped as workflow command data so it stays one annotation.
  const text = redactUrlCredentials(createRedactor({ env: process.env }).redact(message));
  process.stdout.write(formatWorkflowCommand('error', text));
  process.exitCode = code;
}
