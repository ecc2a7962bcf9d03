import * as z from 'zod/mini';
import { validate, type Result } from '@rc/orchestrator-core';

/**
 * The CI results a decision is made from. `candidate` says which build the numbers are about, so
 * signals for one build are never read as evidence for another.
 */
export const PromotionSignalsSchema = z.looseObject({
  candidate: z.strictObject({
    version: z.string().check(z.minLength(1)),
    digest: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  }),
  metrics: z.record(z.string(), z.number().check(z.refine(Number.isFinite, 'expected a number'))),
  source: z._default(z.nullable(z.string()), null),
});

/** Parsed signals: the candidate they describe, named numeric metrics, and where they came from. */
export type PromotionSignals = z.output<typeof PromotionSignalsSchema>;

/** Validates signals JSON data; each problem is `signals.path: message`. Never throws. */
export function parsePromotionSignals(data: unknown): Result<PromotionSignals> {
  return validate(PromotionSignalsSchema, data, 'signals');
}
