import { ConflictError } from '@rc/orchestrator-core';
import { pidAlive, tryLock, type LockOwner } from './_file-lock';

/** A held lock; release it exactly once, in a `finally`. */
export interface HeldLock {
  readonly path: string;
  /** Removes the lock file if it is still this lock; never another run's. */
  release(): Promise<void>;
}

/** Options of {@link acquireStageLock}. */
export interface StageLockOptions {
  /** The lock file, one per stage. */
  path: string;
  stage: string;
  owner: LockOwner;
  /** Liveness check for stale-lock takeover. @default a `kill(pid, 0)` probe */
  isAlive?: (pid: number) => boolean;
}

/**
 * Takes the stage's promotion lock: one promotion in flight per stage. Throws ConflictError
 * (exit 3) naming the holder when another live run has it.
 */
export async function acquireStageLock(options: StageLockOptions): Promise<HeldLock> {
  const found = await tryLock(options.path, options.owner, options.isAlive ?? pidAlive);
  if (!found.held) {
    const { holder } = found;
    throw new ConflictError(
      `a promotion of stage ${options.stage} is already in flight (run ${holder.run_id}, trace ${holder.trace_id}, pid ${holder.pid}); retry when it has finished`,
    );
  }
  return { path: options.path, release: () => found.lock.release() };
}
