import { spawn } from 'node:child_process';
import { InvalidInputError } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';

/**
 * Runs `dispatch.local_command` for `--trigger local`: the template is split on blanks (no
 * shell), `{envelope}` is replaced by the envelope path, or the path is appended when the
 * template does not name it. The child's output goes to rc's stderr; resolves to its exit code.
 */
export async function runLocalCommand(
  template: string,
  envelopePath: string,
  io: CliIo,
): Promise<number> {
  const words = template
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const [file, ...rest] = words;
  if (file === undefined) throw new InvalidInputError('dispatch.local_command is empty');
  const args = rest.some((word) => word.includes('{envelope}'))
    ? rest.map((word) => word.replaceAll('{envelope}', envelopePath))
    : [...rest, envelopePath];
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: io.cwd,
      env: { ...io.env, RC_ENVELOPE_PATH: envelopePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => io.stderr.write(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk.toString('utf8')));
    child.on('error', (error) => {
      io.stderr.write(`rc: cannot run ${file}: ${error.message}\n`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
