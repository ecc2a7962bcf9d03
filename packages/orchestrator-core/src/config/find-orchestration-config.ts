import { dirname, join } from 'node:path';

/** The name rc looks for when no config file is given. */
export const ORCHESTRATION_CONFIG_FILE = 'orchestration.yaml';

/** What {@link findOrchestrationConfig} asks of the file system, so tests can drive it. */
export interface ConfigSearchFs {
  /** Whether `path` is a file (following symlinks). */
  isFile: (path: string) => boolean;
  /** Whether anything exists at `path` (`.git` is a directory, or a file in a worktree). */
  exists: (path: string) => boolean;
}

/** Where the search ended: the file found, else null and the last directory searched. */
export interface ConfigSearchResult {
  /** The absolute path of the `orchestration.yaml` found, or null. */
  file: string | null;
  /** The last directory searched: the git root, or the file-system root outside a repository. */
  searchedUpTo: string;
}

/**
 * Looks for `orchestration.yaml` in `start` (an absolute, symlink-free directory) and each parent,
 * stopping at the git root (the first directory holding `.git`) so that a file above the
 * repository never configures it; outside a repository, at the file-system root.
 */
export function findOrchestrationConfig(start: string, fs: ConfigSearchFs): ConfigSearchResult {
  let dir = start;
  for (;;) {
    const candidate = join(dir, ORCHESTRATION_CONFIG_FILE);
    if (fs.isFile(candidate)) return { file: candidate, searchedUpTo: dir };
    const parent = dirname(dir);
    if (parent === dir || fs.exists(join(dir, '.git'))) return { file: null, searchedUpTo: dir };
    dir = parent;
  }
}
