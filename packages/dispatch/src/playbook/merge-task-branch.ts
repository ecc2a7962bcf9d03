import type { PlaybookPorts } from './playbook-ports';
import { _git } from './_worktree';

/** How a squash merge went. */
export interface MergeResult {
  outcome: 'merged' | 'conflict';
  /** Files in conflict (empty when merged). */
  conflict_files: string[];
}

/**
 * Squash-merges `branch` into the branch checked out in `repo` and commits it. On a conflict it
 * records the conflicting files and resets the checkout to where it was: never forced.
 * The checkout must be clean (the runner checks that before it starts).
 */
export async function mergeTaskBranch(
  ports: PlaybookPorts,
  repo: string,
  branch: string,
  message: string,
): Promise<MergeResult> {
  const merge = await ports.git(['merge', '--squash', '--no-commit', branch], repo);
  if (merge.exitCode !== 0) {
    const unmerged = await ports.git(['diff', '--name-only', '--diff-filter=U'], repo);
    await _git(ports, ['reset', '-q', '--hard', 'HEAD'], repo);
    const files = unmerged.stdout.split('\n').filter((line) => line !== '');
    return { outcome: 'conflict', conflict_files: files };
  }
  const staged = await ports.git(['diff', '--cached', '--quiet'], repo);
  if (staged.exitCode !== 0)
    await _git(ports, ['commit', '-q', '--no-verify', '-m', message], repo);
  return { outcome: 'merged', conflict_files: [] };
}
