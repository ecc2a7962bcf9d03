import { stat } from 'node:fs/promises';
import { OperationError } from '@rc/orchestrator-core';
import type { PlaybookPorts, ProcessResult } from './playbook-ports';

/** Runs git and throws an OperationError naming the command when it fails. */
export async function git(
  ports: PlaybookPorts,
  args: readonly string[],
  cwd: string,
): Promise<ProcessResult> {
  const result = await ports.git(args, cwd);
  if (result.exitCode !== 0)
    throw new OperationError(
      `git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim() || result.stdout.trim()}`,
    );
  return result;
}

/** Creates (or resets) branch `branch` at `base` checked out in a new worktree at `dir`. */
export async function addWorktree(
  ports: PlaybookPorts,
  repo: string,
  dir: string,
  branch: string,
  base: string,
): Promise<void> {
  // A worktree left by an interrupted run would block `worktree add`; prune forgets missing ones.
  await ports.git(['worktree', 'remove', '--force', dir], repo);
  await ports.git(['worktree', 'prune'], repo);
  await git(ports, ['worktree', 'add', '-B', branch, dir, base], repo);
}

/** Whether `dir` still exists and is a git work tree (someone may have removed it). */
export async function worktreeExists(ports: PlaybookPorts, dir: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) return false;
  } catch {
    return false;
  }
  const inside = await ports.git(['rev-parse', '--is-inside-work-tree'], dir);
  return inside.exitCode === 0 && inside.stdout.trim() === 'true';
}

/** Removes a finished task's worktree (its branch stays, with the evidence). */
export async function removeWorktree(
  ports: PlaybookPorts,
  repo: string,
  dir: string,
): Promise<void> {
  await ports.git(['worktree', 'remove', '--force', dir], repo);
  await ports.git(['worktree', 'prune'], repo);
}
