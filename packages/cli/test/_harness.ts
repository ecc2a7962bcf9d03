import { resolve } from 'node:path';
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
