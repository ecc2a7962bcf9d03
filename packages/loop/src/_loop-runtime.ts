import type { RunLoopOptions } from './run-loop-options';

/** Shared by both modes. */
export interface LoopRuntime extends RunLoopOptions {
  statePath: string;
  maxIterations: number;
  deadline: number | null;
  now: () => string;
}
