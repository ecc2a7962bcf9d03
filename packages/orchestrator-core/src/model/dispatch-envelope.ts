import { createHash } from 'node:crypto';
import * as z from 'zod';
import { canonicalJson } from '../json/canonical-json';
import { DispatchPlanSchema, RepositoryNameSchema } from './dispatch-plan';

/** A plan wrapped with the identity of the event that asked for it. */
export const DispatchEnvelopeSchema = z.strictObject({
  schema_version: z.literal(1),
  idempotency_key: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest'),
  repository: RepositoryNameSchema,
  issue_number: z.number().int().positive(),
  comment_id: z.number().int().nonnegative(),
  author: z.string().min(1),
  delivery_id: z.string().nullable(),
  plan: DispatchPlanSchema,
});

export type DispatchEnvelope = z.infer<typeof DispatchEnvelopeSchema>;

/**
 * The idempotency key of a dispatch: the same comment in the same repository always gives the same
 * key, whatever the run id or delivery, so a redelivered webhook is recognised as a duplicate.
 */
export function dispatchIdempotencyKey(repository: string, commentId: number): string {
  return createHash('sha256')
    .update(`${repository.toLowerCase()}#comment:${commentId}`)
    .digest('hex');
}

/** Canonical JSON of an envelope; throws a ZodError when the value breaks the schema. */
export function serializeDispatchEnvelope(envelope: DispatchEnvelope): string {
  return canonicalJson(DispatchEnvelopeSchema.parse(envelope));
}
