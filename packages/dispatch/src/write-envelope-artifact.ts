import {
  serializeDispatchEnvelope,
  type DispatchEnvelope,
  type TextRedactor,
} from '@rc/orchestrator-core';
import { _runArtifactPath, _writeArtifactOnce } from './_write-artifact-once';
import type { ArtifactWriteResult } from './write-plan-artifact';

/** The file a run's envelope is written to, beside its plan. */
export const ENVELOPE_FILE = 'envelope.json';

/** Input of {@link writeEnvelopeArtifact}. */
export interface WriteEnvelopeArtifactInput {
  /** The orchestrator artifacts directory, e.g. `artifacts/orchestrator`. */
  dir: string;
  envelope: DispatchEnvelope;
  /** Scrubs secrets from the bytes before they are compared and written. */
  redactor: TextRedactor;
}

/**
 * Writes `<dir>/<run-id>/envelope.json` as redacted canonical JSON, atomically, with the same
 * rules as `writePlanArtifact`: identical bytes are a no-op, different bytes a ConflictError.
 */
export async function writeEnvelopeArtifact(
  input: WriteEnvelopeArtifactInput,
): Promise<ArtifactWriteResult> {
  const path = _runArtifactPath(input.dir, input.envelope.plan.run_id, ENVELOPE_FILE);
  const content = input.redactor.redact(serializeDispatchEnvelope(input.envelope));
  return _writeArtifactOnce(path, content, 'envelope');
}
