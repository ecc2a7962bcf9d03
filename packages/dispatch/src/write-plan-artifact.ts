import {
  canonicalJson,
  serializeDispatchPlan,
  type DispatchPlan,
  type ValueRedactor,
} from '@rc/orchestrator-core';
import { runArtifactPath, writeArtifactOnce } from './_write-artifact-once';
import type { ArtifactWriteResult } from './artifact-write-result';

/** The file a run's plan is written to, under `<dir>/<run-id>/`. */
export const PLAN_FILE = 'plan.json';

export type { ArtifactWriteResult } from './artifact-write-result';

/** Input of {@link writePlanArtifact}. */
export interface WritePlanArtifactInput {
  /** The orchestrator artifacts directory, e.g. `artifacts/orchestrator`. */
  dir: string;
  plan: DispatchPlan;
  /** Scrubs secrets from the plan, field by field, before it is serialised, compared and written. */
  redactor: ValueRedactor;
}

/**
 * Writes `<dir>/<run-id>/plan.json` as canonical JSON, redacted field by field (so always valid
 * JSON), atomically. Idempotent: the same plan again is `{ written: false }`; a different plan
 * under the same run id throws a ConflictError (exit 3) and changes nothing. A plan that breaks
 * its schema throws a zod $ZodError; a symbolic link under `dir` an OperationError.
 */
export async function writePlanArtifact(
  input: WritePlanArtifactInput,
): Promise<ArtifactWriteResult> {
  const path = runArtifactPath(input.dir, input.plan.run_id, PLAN_FILE);
  serializeDispatchPlan(input.plan); // the schema check, on the plan as planned
  const content = canonicalJson(input.redactor.redactValue(input.plan));
  return writeArtifactOnce(input.dir, path, content, 'plan');
}
