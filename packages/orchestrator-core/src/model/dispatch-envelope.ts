import * as z from 'zod/mini';
import { sha256Hex } from '../hash/sha256-hex';
import { canonicalJson } from '../json/canonical-json';
import { englishErrors } from '../validation/_english-errors';
import { DispatchPlanSchema, RepositoryNameSchema } from './dispatch-plan';

/** A plan wrapped with the identity of the event that asked for it. */
export const DispatchEnvelopeSchema = z.lazy(() =>
  z.strictObject({
    schema_version: z.literal(1),
    idempotency_key: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest')),
    repository: RepositoryNameSchema,
    issue_number: z.number().check(z.int(), z.positive()),
    comment_id: z.number().check(z.int(), z.nonnegative()),
    author: z.string().check(z.minLength(1)),
    delivery_id: z.nullable(z.string()),
    plan: DispatchPlanSchema,
  }),
);

export type DispatchEnvelope = z.infer<typeof DispatchEnvelopeSchema>;

/**
 * The idempotency key of a dispatch: the same comment in the same repository always gives the same
 * key, whatever the run id or delivery, so a redelivered webhook is recognised as a duplicate.
 */
export function dispatchIdempotencyKey(repository: string, commentId: number): string {
  return sha256Hex(`${repository.toLowerCase()}#comment:${commentId}`);
}

/**
 * The idempotency key of a manual dispatch that names no comment: repository + run id, so only a
 * re-run of the same run id is a duplicate.
 */
export function runIdempotencyKey(repository: string, runId: string): string {
  return sha256Hex(`${repository.toLowerCase()}#run:${runId}`);
}

/** Canonical JSON of an envelope; throws a zod error (`$ZodError`) when the value breaks the schema. */
export function serializeDispatchEnvelope(envelope: DispatchEnvelope): string {
  return canonicalJson(DispatchEnvelopeSchema.parse(envelope, { error: englishErrors }));
}
