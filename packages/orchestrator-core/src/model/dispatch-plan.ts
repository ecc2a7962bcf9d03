import * as z from 'zod';
import { canonicalJson } from '../json/canonical-json';
import { RUN_ID_PATTERN } from '../time/run-id';
import { SlashCommandSchema } from './slash-command';

/** Where the helper prompt file was found. */
export const PROMPT_SOURCES = ['argument', 'mapping', 'issue-number'] as const;

/** `owner/name`. */
export const RepositoryNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name');

/** The deterministic plan for one `/orchestrate` command: issue -> prompt file -> workflow. */
export const DispatchPlanSchema = z.strictObject({
  schema_version: z.literal(1),
  run_id: z.string().regex(RUN_ID_PATTERN, 'expected a run id like 2026-11-20T09-15-00-0700'),
  phoenix_timestamp: z.string().min(1),
  repository: RepositoryNameSchema,
  command: SlashCommandSchema,
  issue: z.strictObject({
    number: z.number().int().positive(),
    labels: z.array(z.string()),
    required_label: z.string().nullable(),
  }),
  prompt: z.strictObject({
    name: z.string().min(1),
    path: z.string().min(1),
    source: z.enum(PROMPT_SOURCES),
  }),
  workflow: z.strictObject({
    name: z.string().min(1),
    file: z.string().min(1),
    ref: z.string().min(1),
    inputs: z.record(z.string(), z.string()),
  }),
});

export type DispatchPlan = z.infer<typeof DispatchPlanSchema>;

/** Canonical JSON of a plan; throws a ZodError when the value breaks the schema. */
export function serializeDispatchPlan(plan: DispatchPlan): string {
  return canonicalJson(DispatchPlanSchema.parse(plan));
}
