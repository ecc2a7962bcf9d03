import { writeJsonArtifact, type ValueRedactor } from '@rc/orchestrator-core';
import type { OrchestrationState } from './orchestration-state';

// Without a redactor the state is written as it is (tests, and callers with nothing to hide).
const AS_IS: ValueRedactor = { redactValue: (value) => value };

/**
 * Writes state.json atomically (temp file, fsync, rename): a crash leaves the old or the new file.
 * Redacted field by field, so the file stays valid JSON whatever the secrets look like.
 */
export async function writeState(
  path: string,
  state: OrchestrationState,
  redactor: ValueRedactor = AS_IS,
): Promise<void> {
  await writeJsonArtifact(path, state, redactor);
}
