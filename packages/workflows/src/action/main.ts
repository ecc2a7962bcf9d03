// The bundled entry of rc's GitHub Action (action.yml): the only file here that touches process.
import { createRedactor, redactUrlCredentials } from '@rc/orchestrator-core';
import { createActionsIo, formatWorkflowCommand } from '@rc/github';
import { describeError } from './describe-error';
import { runAction } from './run-action';

let code: number;
try {
  code = await runAction({
    env: process.env,
    cwd: process.cwd(),
    clock: () => new Date(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  const described = describeError(error);
  // An error may quote a path, a URL or a response: it goes out redacted like everything else,
  // escaped as workflow command data so it stays one annotation.
  const redactor = createRedactor({ env: process.env });
  const text = redactUrlCredentials(redactor.redact(described.message));
  process.stdout.write(formatWorkflowCommand('error', text));
  const actions = createActionsIo({ env: process.env, redactor, stdout: process.stdout });
  try {
    actions.setOutput('outcome', 'error');
    actions.setOutput('error-message', text);
  } catch {
    // No output file to write to: the annotation above already says it.
  }
  code = described.code;
}
// The work is done: exit now rather than wait for fetch's idle keep-alive sockets to time out
// (about 100 ms after the last GitHub call), once what was written has been flushed.
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
