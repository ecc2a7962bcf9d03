import { readdir } from 'node:fs/promises';
import { InvalidInputError } from '@rc/orchestrator-core';

/**
 * The helper prompt files in `dir`: names of regular `*.md` files (no symlinks, no
 * subdirectories), sorted. A missing directory is an empty list, so the planner reports what it
 * looked for; a path that is not a directory is an InvalidInputError.
 */
export async function listPromptFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name.length > 3)
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') {
      throw new InvalidInputError(`prompts directory ${dir} is not a directory`, { cause: error });
    }
    throw error;
  }
}
