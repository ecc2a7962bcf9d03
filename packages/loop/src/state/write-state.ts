import { canonicalJson, writeFileAtomic, type TextRedactor } from '@rc/orchestrator-core';
import type { OrchestrationState } from './orchestration-state';

/** Writes state.json atomically (temp file, fsync, rename): a crash leaves the old or the new file. */
export async function writeState(
  path: string,
  state: OrchestrationState,
  redactor?: TextRedactor,
): Promise<void> {
  await writeFileAtomic(path, canonicalJson(state), redactor === undefined ? {} : { redactor });
}
