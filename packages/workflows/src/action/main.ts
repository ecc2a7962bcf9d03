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
// The process ends by itself when the work is done: @rc/github's requests go over node:http,
// whose idle keep-alive sockets never hold it open (Node's fetch would, for ~100 ms).
process.exitCode = code;
