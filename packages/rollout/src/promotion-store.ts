import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  canonicalJson,
  ConflictError,
  InvalidInputError,
  writeFileAtomic,
} from '@rc/orchestrator-core';
import { pidAlive, tryLock, type LockOwner } from './_file-lock';
import { emptyPromotionState, parsePromotionState, type PromotionState } from './promotion-state';

/** Reads the state file; a missing file is the empty state, an invalid one an InvalidInputError. */
export async function readPromotionState(path: string): Promise<PromotionState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyPromotionState();
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`state file ${path} is not valid JSON`, { cause: error });
  }
  const parsed = parsePromotionState(data);
  if (!parsed.ok)
    throw new InvalidInputError(`invalid state file ${path}:`, { issues: parsed.issues });
  return parsed.value;
}

/**
 * Re-reads the state, applies `change` and writes it back atomically (canonical JSON), under a
 * short file lock: stages are locked separately but share this one file.
 */
export async function updatePromotionState(
  path: string,
  owner: LockOwner,
  change: (state: PromotionState) => PromotionState,
): Promise<PromotionState> {
  const lock = await lockState(`${path}.lock`, path, owner);
  try {
    const next = change(await readPromotionState(path));
    await writeFileAtomic(path, canonicalJson(next));
    return next;
  } finally {
    await lock.release();
  }
}

async function lockState(lock: string, path: string, owner: LockOwner) {
  for (let attempt = 0; ; attempt++) {
    const found = await tryLock(lock, owner, pidAlive);
    if (found.held) return found.lock;
    // Another stage is writing; each write takes milliseconds.
    if (attempt >= 100) {
      throw new ConflictError(`state file ${path} is locked by run ${found.holder.run_id}`);
    }
    await sleep(20);
  }
}
