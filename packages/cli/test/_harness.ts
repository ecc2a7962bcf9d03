import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../src/cli-io';
import { run } from '../src/run';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const exampleEvent = resolve(repoRoot, 'examples/events/issue-comment-orchestrate.json');

/** Runs `rc` in-process with captured output, a fixed clock and the given stdin and env. */
export async function runRc(
  args: string[],
  options: {
    stdin?: string | null;
    env?: Record<string, string>;
    cwd?: string;
    now?: string;
    signal?: AbortSignal;
  } = {},
) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    readStdin: async () => options.stdin ?? null,
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
    clock: () => new Date(options.now ?? '2026-11-20T16:15:00.000Z'),
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Replaces (or, with null, removes) `dispatch.local_command` in a copy of examples/repo. */
export async function setLocalCommand(repo: string, command: string | null): Promise<void> {
  const path = join(repo, 'orchestration.yaml');
  const config = (await readFile(path, 'utf8')).replace(/^ {2}local_command:.*\n/m, '');
  await writeFile(path, command === null ? config : `${config}  local_command: ${command}\n`);
}

/** stderr after the one line saying which orchestration.yaml is in use, which must come first. */
export function afterConfigLine(stderr: string): string {
  const match = /^rc config: [^\n]*\n/.exec(stderr);
  if (match === null) throw new Error(`stderr does not start with the config line:\n${stderr}`);
  return stderr.slice(match[0].length);
}
