import {
  canonicalJson,
  serializeDispatchEnvelope,
  type DispatchEnvelope,
  type ValueRedactor,
} from '@rc/orchestrator-core';

/**
 * The envelope as rc lets it out, in `envelope.json` and in the `envelope` workflow input alike:
 * checked against its schema, then redacted field by field. Throws a zod $ZodError for an
 * envelope that breaks the schema.
 */
export function redactedEnvelope(
  envelope: DispatchEnvelope,
  redactor: ValueRedactor,
): DispatchEnvelope {
  serializeDispatchEnvelope(envelope);
  return redactor.redactValue(envelope);
}

/**
 * The `envelope` input of the workflow_dispatch that triggers a run: the envelope redacted exactly
 * as `envelope.json` is written (see {@link writeEnvelopeArtifact}), as one line of canonical
 * JSON. What leaves rc holds no more than what it writes.
 */
export function envelopeWorkflowInput(envelope: DispatchEnvelope, redactor: ValueRedactor): string {
  return JSON.stringify(JSON.parse(canonicalJson(redactedEnvelope(envelope, redactor))));
}
