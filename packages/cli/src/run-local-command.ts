import { dirname, join } from 'node:path';
import { runCommand, splitCommandTemplate } from '@rc/exec';
import { InvalidInputError } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';

/** How long `dispatch.local_command` may run by default: as long as a CI job would (1 hour). */
const DEFAULT_LOCAL_COMMAND_TIMEOUT_MS = 3_600_000;

/**
 * The words of `dispatch.local_command`: split as a shell splits plain and quoted words
 * (`"a b"`, `'a b'`, `a\ b`), nothing expanded and no shell run. Checked before anything is
 * written, so a bad template exits 2 with nothing recorded.
 */
export function localCommandWords(template: string): [string, ...string[]] {
  const words = splitCommandTemplate(template);
  if (words === null) throw new InvalidInputError('dispatch.local_command: unterminated quote');
  const [file, ...args] = words;
  if (file === undefined || file === '')
    throw new InvalidInputError('dispatch.local_command: no command to run');
  return [file, ...args];
}

/**
 * How long the local command may run: RC_LOCAL_COMMAND_TIMEOUT_MS (0: no limit), else
 * {@link DEFAULT_LOCAL_COMMAND_TIMEOUT_MS}.
 */
export function localCommandTimeoutMs(env: CliIo['env']): number | null {
  const raw = env['RC_LOCAL_COMMAND_TIMEOUT_MS'];
  if (raw === undefined || raw === '') return DEFAULT_LOCAL_COMMAND_TIMEOUT_MS;
  if (!/^\d+$/.test(raw))
    throw new InvalidInputError(
      `RC_LOCAL_COMMAND_TIMEOUT_MS: expected a whole number of milliseconds (0 for no limit), got "${raw}"`,
    );
  return Number(raw) === 0 ? null : Number(raw);
}

/**
 * Runs `dispatch.local_command` for `--trigger local` through @rc/exec: `{envelope}` in a word is
 * replaced by the envelope path, else the path is appended; RC_ENVELOPE_PATH carries it too. The
 * command's output, redacted, goes to rc's stderr and to `local-command.log` beside the
 * envelope. Stopped (its whole process tree) by `io.signal` or after `timeoutMs`. Resolves with
 * null when it exited 0, else with the reason it failed.
 */
export async function runLocalCommand(
  template: string,
  envelopePath: string,
  io: CliIo,
  timeoutMs: number | null,
): Promise<string | null> {
  const [file, ...rest] = localCommandWords(template);
  const args = rest.some((word) => word.includes('{envelope}'))
    ? rest.map((word) => word.replaceAll('{envelope}', envelopePath))
    : [...rest, envelopePath];
  const result = await runCommand({
    file,
    args,
    cwd: io.cwd,
    env: { ...io.env, RC_ENVELOPE_PATH: envelopePath },
    logFile: join(dirname(envelopePath), 'local-command.log'),
    appendLog: true,
    timeoutMs,
    signal: io.signal,
    onLine: (line) => {
      io.stderr.write(`${line}\n`);
      return true;
    },
  });
  if (result.outcome === 'success') return null;
  if (result.outcome === 'failure') return `local command exited ${result.exitCode}`;
  return `local command failed: ${result.message}`;
}
