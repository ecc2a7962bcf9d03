import type { PlaybookPorts } from './playbook-ports';
import { git } from './_worktree';

/** The trailer keys of a task's squash commit: they make merging idempotent. */
export const MERGE_TRAILERS = { plan: 'Rc-Playbook', task: 'Rc-Task' } as const;

/** How a squash merge went. */
export interface MergeResult {
  outcome: 'merged' | 'conflict';
  /** Files in conflict (empty when merged). */
  conflict_files: string[];
  /** The squash commit (or the one found from an earlier merge), null on a conflict. */
  commit: string | null;
  /** True when the task had been merged before: nothing was done. */
  already: boolean;
}

/** What {@link mergeTaskBranch} merges. */
export interface MergeTaskBranchInput {
  ports: PlaybookPorts;
  /** The checkout whose branch receives the merge; it must be clean. */
  repo: string;
  /** The task's branch (`rc/<id>`). */
  branch: string;
  /** The commit subject. */
  subject: string;
  /** The plan's content hash and the task id, written as trailers and looked for first. */
  plan: string;
  task: string;
}

/**
 * Squash-merges a task's branch into the branch checked out in `repo`, unless a commit carrying
 * the task's trailers (`Rc-Playbook: <plan>`, `Rc-Task: <id>`) is already in its history, so
 * merging twice changes nothing. On a conflict it records the conflicting files and resets the
 * checkout to where it was: never forced.
 */
export async function mergeTaskBranch(input: MergeTaskBranchInput): Promise<MergeResult> {
  const { ports, repo } = input;
  const found = (await findMergedTasks(ports, repo, input.plan)).get(input.task);
  if (found !== undefined)
    return { outcome: 'merged', conflict_files: [], commit: found, already: true };
  const merge = await ports.git(['merge', '--squash', '--no-commit', input.branch], repo);
  if (merge.exitCode !== 0) {
    const unmerged = await ports.git(['diff', '--name-only', '--diff-filter=U'], repo);
    await git(ports, ['reset', '-q', '--hard', 'HEAD'], repo);
    const files = unmerged.stdout.split('\n').filter((line) => line !== '');
    return { outcome: 'conflict', conflict_files: files, commit: null, already: false };
  }
  const message = [
    input.subject,
    '',
    `${MERGE_TRAILERS.plan}: ${input.plan}`,
    `${MERGE_TRAILERS.task}: ${input.task}`,
  ].join('\n');
  // Empty when the task changed nothing (a review): the commit still records that it merged.
  await git(ports, ['commit', '-q', '--no-verify', '--allow-empty', '-m', message], repo);
  const head = (await git(ports, ['rev-parse', 'HEAD'], repo)).stdout.trim();
  return { outcome: 'merged', conflict_files: [], commit: head, already: false };
}

/**
 * The tasks of plan `plan` merged into the history of `ref` (default HEAD), by the trailers of
 * their squash commits: task id to commit. The newest commit wins when a task appears twice.
 */
export async function findMergedTasks(
  ports: PlaybookPorts,
  repo: string,
  plan: string,
  ref = 'HEAD',
): Promise<Map<string, string>> {
  const format = `%H%x09%(trailers:key=${MERGE_TRAILERS.plan},valueonly,separator=%x2C)%x09%(trailers:key=${MERGE_TRAILERS.task},valueonly,separator=%x2C)`;
  const log = await ports.git(['log', `--format=${format}`, ref, '--'], repo);
  const merged = new Map<string, string>();
  // A repository without commits has no history to search.
  if (log.exitCode !== 0) return merged;
  for (const line of log.stdout.split('\n')) {
    const [commit, plans, tasks] = line.split('\t');
    if (commit === undefined || plans !== plan || tasks === undefined || tasks === '') continue;
    if (!merged.has(tasks)) merged.set(tasks, commit);
  }
  return merged;
}
