// The bundled entry of rc's GitHub Action (action.yml): the only file here that touches process.
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
  process.stdout.write(`::error::${message.replace(/\r?\n/g, ' ')}\n`);
  process.exitCode = code;
}
