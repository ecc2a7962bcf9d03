import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeDirectoriesBelow, symlinkError } from './assert-no-symlinks';

/** Anything that can scrub secrets out of text before it is written. */
export interface TextRedactor {
  redact(text: string): string;
}

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Scrubs the content before writing; leave unset only for content with no outside text. */
  redactor?: TextRedactor;
  /** File mode of a new file. @default 0o644 */
  mode?: number;
  /**
   * The directory the file must stay under (the artifacts directory). Every directory between it
   * and the file is created one at a time and must not be a symbolic link; `path` must be inside
   * it. The root itself may be a link. Without it, parents are created with `mkdir -p`.
   * @default undefined
   */
  root?: string;
}

/**
 * Writes a file so readers see the old content or the new, never a torn one: temp file in the
 * same directory, fsync, rename, then fsync of the directory. Parent directories are created
 * idempotently; on failure the temp file is removed and the target is left untouched. A target
 * that is a symbolic link is refused (OperationError), and so, with `root`, is a link in any
 * directory below the root, so nothing is written outside it.
 */
export async function writeFileAtomic(
  path: string,
  content: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const dir = dirname(path);
  if (options.root === undefined) await mkdir(dir, { recursive: true });
  else await makeDirectoriesBelow(options.root, dir);
  await refuseSymlink(path);
  // Unique enough for a temp name: the 'wx' open below refuses to reuse one that exists.
  const temp = join(
    dir,
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  const data = options.redactor ? options.redactor.redact(content) : content;
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

// rename() would replace the link rather than follow it, but silently turning a link into a
// file is as surprising as writing through it: refuse, and say which path.
async function refuseSymlink(path: string): Promise<void> {
  const stat = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (stat?.isSymbolicLink() === true) throw symlinkError(path);
}

// Makes the rename itself durable; some platforms cannot open a directory, which is harmless.
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close();
  }
}
