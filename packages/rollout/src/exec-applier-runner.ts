import { runCommand } from '@rc/exec';
import type { ApplierOutcome, ApplierRequest, ApplierRunner } from './applier-runner';

/** Options of {@link createExecApplierRunner}. */
export interface ExecApplierRunnerOptions {
  /** Time between SIGTERM and SIGKILL when stopping the applier's process tree. @default 2000 */
  killGraceMs?: number;
}

/**
 * Runs the applier with `@rc/exec`'s runCommand: no shell (arguments reach it exactly as
 * rendered, in the documented order), the given environment only, its own process group that a
 * timeout or an abort stops as a whole, and the transcript streamed to `request.logFile`
 * (appended, memory stays flat). Never rejects for the applier's own failure.
 */
export function createExecApplierRunner(options: ExecApplierRunnerOptions = {}): ApplierRunner {
  return {
    async run(request: ApplierRequest): Promise<ApplierOutcome> {
      const result = await runCommand({
        file: request.command,
        args: request.args,
        cwd: request.cwd,
        env: { ...request.env },
        logFile: request.logFile,
        appendLog: true,
        timeoutMs: request.timeoutMs,
        killGraceMs: options.killGraceMs ?? 2000,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      const timedOut = result.outcome === 'timeout' || result.outcome === 'idle_timeout';
      // `killed` is also what a signal from elsewhere gives: that outcome stays unknown, not interrupted.
      const interrupted = result.outcome === 'killed' && request.signal?.aborted === true;
      const notFound = result.outcome === 'not_found';
      return {
        exitCode: timedOut || interrupted || notFound ? null : result.exitCode,
        signal: result.signal,
        timedOut,
        interrupted,
        spawnError: notFound ? result.message : null,
      };
    },
  };
}
