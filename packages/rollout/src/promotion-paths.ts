import { join, resolve } from 'node:path';
import type { PromotionConfig } from '@rc/orchestrator-core';

/** Where one promotion reads and writes. */
export interface PromotionPaths {
  readonly state: string;
  /** One lock per stage, beside the state file: one promotion in flight per stage. */
  readonly lock: string;
  /** The stage's journal: the intent of a change, written before the applier runs. */
  readonly journal: string;
  readonly artifactsRoot: string;
  /** `<artifacts_dir>/<run-id>`. */
  readonly runDir: string;
}

/** The paths of a promotion of `stage` in run `runId`, resolved against the repository root. */
export function promotionPaths(
  config: PromotionConfig,
  cwd: string,
  stage: string,
  runId: string,
): PromotionPaths {
  const state = resolve(cwd, config.state_file);
  const artifactsRoot = resolve(cwd, config.artifacts_dir);
  return {
    state,
    lock: `${state}.${stage}.lock`,
    journal: `${state}.${stage}.journal.json`,
    artifactsRoot,
    runDir: join(artifactsRoot, runId),
  };
}
