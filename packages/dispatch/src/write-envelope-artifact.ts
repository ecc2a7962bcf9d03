import { canonicalJson, type DispatchEnvelope, type ValueRedactor } from '@rc/orchestrator-core';
import { runArtifactPath, writeArtifactOnce } from './_write-artifact-once';
import { redactedEnvelope } from './envelope-workflow-input';
import type { ArtifactWriteResult } from './write-plan-artifact';

/** The file a run's envelope is written to, beside its plan. */
export const ENVELOPE_FILE = 'envelope.json';

/** Input of {@link writeEnvelopeArtifact}. */
export interface WriteEnvelopeArtifactInput {
  /** The orchestrator artifacts directory, e.g. `artifacts/orchestrator`. */
  dir: string;
  envelope: DispatchEnvelope;
  /** Scrubs secrets from the envelope, field by field, before it is serialised and written. */
  redactor: ValueRedactor;
}

/**
 * Writes `<dir>/<run-id>/envelope.json` as canonical JSON redacted field by field, atomically,
 * with the same rules as `writePlanArtifact`: identical bytes are a no-op, different bytes a
 * ConflictError. The bytes hold exactly what {@link envelopeWorkflowInput} sends to GitHub.
 */
export async function writeEnvelopeArtifact(
  input: WriteEnvelopeArtifactInput,
): Promise<ArtifactWriteResult> {
  const path = runArtifactPath(input.dir, input.envelope.plan.run_id, ENVELOPE_FILE);
  const content = canonicalJson(redactedEnvelope(input.envelope, input.redactor));
  return writeArtifactOnce(input.dir, path, content, 'envelope');
}
