import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoSymlinks,
  ConflictError,
  InvalidInputError,
  RUN_ID_PATTERN,
  writeFileAtomic,
} from '@rc/orchestrator-core';
import type { ArtifactWriteResult } from './artifact-write-result';

/** Where a run's artifact lives; the run id is checked first so it cannot escape `dir`. */
export function runArtifactPath(dir: string, runId: string, file: string): string {
  if (!RUN_ID_PATTERN.test(runId)) {
    throw new InvalidInputError(
      `run id ${JSON.stringify(runId.slice(0, 64))} does not have the shape YYYY-MM-DDTHH-mm-ss-0700`,
    );
  }
  return join(dir, runId, file);
}

/**
 * Writes `content` (already redacted) unless the file exists: identical bytes are a no-op,
 * different bytes a ConflictError that leaves the file as it was. A symbolic link at `path` or
 * in a directory between `dir` and it is refused (OperationError) before anything is read.
 */
export async function writeArtifactOnce(
  dir: string,
  path: string,
  content: string,
  what: string,
): Promise<ArtifactWriteResult> {
  await assertNoSymlinks(dir, path);
  const existing = await readExisting(path);
  if (existing === content) return { path, written: false };
  if (existing !== null) {
    throw new ConflictError(
      `${path} already holds a different ${what}; refusing to overwrite it (use a new run id)`,
      { issues: [`${path}: first difference at line ${firstDifferentLine(existing, content)}`] },
    );
  }
  await writeFileAtomic(path, content, { root: dir });
  return { path, written: true };
}

async function readExisting(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && left[line] === right[line]) line++;
  return line + 1;
}
