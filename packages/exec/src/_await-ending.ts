import { setTimeout as delay } from 'node:timers/promises';
import type { ResultPromise } from 'execa';
import { countHolders } from './_output-holders';

/** How a command ended, as {@link awaitEnding} saw it. */
export interface Ending {
  exitCode: number | null;
  signal: string | null;
  /** Why it could not start (`ENOENT`, `EACCES`), or null. */
  errorCode: string | null;
  /**
   * 0 when the output ended with the command; otherwise the output was still open after the
   * command exited and must be cut: how many other processes held it, null if unknown.
   */
  heldOpenBy: number | null;
}

/** Options of {@link awaitEnding}. */
export interface AwaitEndingOptions {
  /** The child's output ends, from `outputEnds`. */
  ends: readonly string[];
  /** How long output may lag behind the exit. */
  graceMs: number;
  /** Called once the process has exited while its output is still open. */
  onExit: () => void;
}

// When no process can be seen holding the output, it is still waited for this many grace periods
// (the transcript may be slow to take the rest); a holder this user may not inspect is the other case.
const MAX_ROUNDS = 30;

/**
 * Waits until the command has exited and its output has ended. A descendant that left the
 * process group (setsid, a daemon) can hold the output open for ever: then the command still ends
 * a grace period after its exit, and the caller cuts the output.
 */
export async function awaitEnding(
  child: ResultPromise,
  options: AwaitEndingOptions,
): Promise<Ending> {
  const exit = new Promise<Ending>((resolve) => {
    child.once('exit', (code: number | null, signal: NodeJS.Signals | null) =>
      resolve({ exitCode: code, signal, errorCode: null, heldOpenBy: 0 }),
    );
  });
  const settled = Promise.resolve(child).then((result): Ending => ({
    exitCode: result.exitCode ?? null,
    signal: result.signal ?? null,
    errorCode: typeof result.code === 'string' ? result.code : null,
    heldOpenBy: 0,
  }));
  const first = await Promise.race([settled, exit.then(() => null)]);
  if (first !== null) return first;
  options.onExit();
  const exited = await exit;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const late = await Promise.race([settled, delay(options.graceMs, null)]);
    if (late !== null) return late;
    const holders = await countHolders(options.ends);
    if (holders !== 0) return { ...exited, heldOpenBy: holders };
  }
  return { ...exited, heldOpenBy: null };
}
