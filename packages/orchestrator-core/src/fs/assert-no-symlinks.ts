import { lstat, mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InvalidInputError, OperationError } from '../errors/rc-error';

/**
 * Throws an OperationError naming the first symbolic link among `path` and the directories
 * between `root` (exclusive: the root itself may be a link the user chose) and `path`; missing
 * components are fine. An InvalidInputError when `path` is not inside `root`. A planted link
 * there would send rc's writes (or its reads of what it wrote) outside the artifacts directory.
 */
export async function assertNoSymlinks(root: string, path: string): Promise<void> {
  let current = resolve(root);
  for (const part of partsBelow(root, path)) {
    current = join(current, part);
    if (await isSymlink(current)) throw symlinkError(current, root);
  }
}

/**
 * Creates `dir` and every missing directory below `root`, one at a time, refusing any that is
 * (or has been replaced by) a symbolic link, so a link cannot redirect the rest of the path.
 */
export async function makeDirectoriesBelow(root: string, dir: string): Promise<void> {
  let current = resolve(root);
  const parts = partsBelow(root, dir);
  await mkdir(current, { recursive: true });
  for (const part of parts) {
    current = join(current, part);
    try {
      await mkdir(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isSymlink(current)) throw symlinkError(current, root);
  }
}

/** The path components of `path` below `root`; throws when `path` is not inside it. */
function partsBelow(root: string, path: string): string[] {
  const rel = relative(resolve(root), resolve(path));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new InvalidInputError(`${path} is not inside ${root}; refusing to write it`);
  }
  return rel === '' ? [] : rel.split(sep);
}

/** The error for a symbolic link where rc writes. */
export function symlinkError(path: string, root?: string): OperationError {
  const where = root === undefined ? '' : ` under ${root}`;
  return new OperationError(
    `${path} is a symbolic link; rc does not write through symbolic links${where} (remove it and run again)`,
  );
}

async function isSymlink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
