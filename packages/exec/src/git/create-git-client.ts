import { GitError } from './git-error';
import { runGit } from './run-git';

/** How to bring the local branch up to date with the remote. */
export const PULL_STRATEGIES = ['rebase', 'reset'] as const;
export type PullStrategy = (typeof PULL_STRATEGIES)[number];

/** Options of {@link createGitClient}. */
export interface GitClientOptions {
  /** The work tree. */
  cwd: string;
  /** @default 'origin' */
  remote?: string;
  /** @default 'main' */
  branch?: string;
  /** The environment git runs with. @default process.env */
  env?: Record<string, string | undefined>;
}

/** The git operations role mode needs, bound to one work tree, remote and branch. */
export interface GitClient {
  /** Uncommitted changes (`git status --porcelain` lines); empty when the tree is clean. */
  changes(): Promise<string[]>;
  /**
   * Updates the branch from the remote: `rebase` is `git pull --rebase`, `reset` is fetch then
   * `reset --hard` to the remote branch (drops local commits: only for trees rc owns).
   */
  pull(strategy: PullStrategy): Promise<void>;
  fetch(): Promise<void>;
  /** A file's content at a ref (e.g. `origin/main`), or null when it does not exist there. */
  show(ref: string, path: string): Promise<string | null>;
  /** Stages the paths and commits them; false when there was nothing to commit. */
  commit(paths: readonly string[], message: string): Promise<boolean>;
  /** Pushes HEAD to the branch; `rejected` when the remote moved on (someone pushed first). */
  push(): Promise<'pushed' | 'rejected'>;
  /** Moves the branch and work tree to a ref, dropping local commits. */
  resetHard(ref: string): Promise<void>;
  /** The remote-tracking ref, e.g. `origin/main`. */
  readonly upstream: string;
}

const REJECTED = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|cannot lock ref/i;

/** Creates a {@link GitClient}. Every failure is a GitError that names the git command. */
export function createGitClient(options: GitClientOptions): GitClient {
  const remote = options.remote ?? 'origin';
  const branch = options.branch ?? 'main';
  const opts = { cwd: options.cwd, ...(options.env === undefined ? {} : { env: options.env }) };
  const git = (args: readonly string[], allowFailure = false) =>
    runGit(args, { ...opts, allowFailure });
  const upstream = `${remote}/${branch}`;
  return {
    upstream,
    async changes() {
      const { stdout } = await git(['status', '--porcelain', '--untracked-files=all']);
      return stdout.split('\n').filter((line) => line.trim() !== '');
    },
    async pull(strategy) {
      if (strategy === 'rebase') {
        const pulled = await git(['pull', '--rebase', '--quiet', remote, branch], true);
        if (pulled.exitCode === 0) return;
        await git(['rebase', '--abort'], true);
        throw new GitError(
          ['pull', '--rebase', remote, branch],
          `git pull --rebase ${remote} ${branch} failed: ${pulled.stderr.trim().split('\n')[0] ?? ''}`,
        );
      }
      await git(['fetch', '--quiet', remote, branch]);
      await git(['reset', '--hard', '--quiet', upstream]);
    },
    async fetch() {
      await git(['fetch', '--quiet', remote, branch]);
    },
    async show(ref, path) {
      const shown = await git(['show', `${ref}:${path}`], true);
      return shown.exitCode === 0 ? shown.stdout : null;
    },
    async commit(paths, message) {
      await git(['add', '--all', '--', ...paths]);
      const staged = await git(['diff', '--cached', '--quiet'], true);
      if (staged.exitCode === 0) return false;
      await git(['commit', '--quiet', '--no-verify', '-m', message]);
      return true;
    },
    async push() {
      const pushed = await git(['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], true);
      if (pushed.exitCode === 0) return 'pushed';
      if (REJECTED.test(pushed.stderr)) return 'rejected';
      throw new GitError(
        ['push', remote, branch],
        `git push ${remote} ${branch} failed: ${pushed.stderr.trim().split('\n')[0] ?? ''}`,
      );
    },
    async resetHard(ref) {
      await git(['reset', '--hard', '--quiet', ref]);
    },
  };
}
