import { GitError } from './git-error';
import { execa } from 'execa';

/** The result of one git command. */
export interface GitOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runGit}. */
export interface RunGitOptions {
  cwd: string;
  /** The whole environment; nothing else is inherited. @default process.env */
  env?: Record<string, string | undefined>;
  /** Resolve with a non-zero exit instead of throwing. @default false */
  allowFailure?: boolean;
}

/** Runs `git <args>` (no shell, no prompts); a failure is a GitError naming the command. */
export async function runGit(args: readonly string[], options: RunGitOptions): Promise<GitOutput> {
  const env = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0' };
  const result = await execa('git', [...args], {
    cwd: options.cwd,
    env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    encoding: 'utf8',
    stripFinalNewline: false,
  });
  const output = {
    exitCode: result.exitCode ?? 1,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
  if (output.exitCode !== 0 && !options.allowFailure) {
    const detail = (output.stderr.trim() || output.stdout.trim() || String(result.shortMessage))
      .split('\n')
      .slice(0, 3)
      .join(' | ');
    throw new GitError(args, `git ${args.join(' ')} failed: ${detail}`);
  }
  return output;
}
