import * as z from 'zod/mini';
import { canonicalJson } from '../json/canonical-json';
import { RUN_ID_PATTERN } from '../time/run-id';
import { englishErrors } from '../validation/_english-errors';
import { SlashCommandSchema } from './slash-command';

/** Where the helper prompt file was found. */
export const PROMPT_SOURCES = ['argument', 'mapping', 'issue-number'] as const;

/** `owner/name`. */
export const RepositoryNameSchema = z.lazy(() =>
  z.string().check(z.regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name')),
);

const nonEmpty = z.string().check(z.minLength(1));

/** The deterministic plan for one `/orchestrate` command: issue -> prompt file -> workflow. */
export const DispatchPlanSchema = z.lazy(() =>
  z.strictObject({
    schema_version: z.literal(1),
    run_id: z
      .string()
      .check(z.regex(RUN_ID_PATTERN, 'expected a run id like 2026-11-20T09-15-00-0700')),
    phoenix_timestamp: nonEmpty,
    repository: RepositoryNameSchema,
    command: SlashCommandSchema,
    issue: z.strictObject({
      number: z.number().check(z.int(), z.positive()),
      labels: z.array(z.string()),
      required_label: z.nullable(z.string()),
    }),
    prompt: z.strictObject({
      name: nonEmpty,
      path: nonEmpty,
      source: z.enum(PROMPT_SOURCES),
    }),
    workflow: z.strictObject({
      name: nonEmpty,
      file: nonEmpty,
      ref: nonEmpty,
      inputs: z.record(z.string(), z.string()),
    }),
    /**
     * The maintainer's words after the command line, sanitised and capped: untrusted input for
     * the agent, never a path, a workflow input name or a shell word. Absent when there are none.
     */
    instructions: z.optional(nonEmpty),
  }),
);

export type DispatchPlan = z.infer<typeof DispatchPlanSchema>;

/** Canonical JSON of a plan; throws a zod error (`$ZodError`) when the value breaks the schema. */
export function serializeDispatchPlan(plan: DispatchPlan): string {
  return canonicalJson(DispatchPlanSchema.parse(plan, { error: englishErrors }));
}
