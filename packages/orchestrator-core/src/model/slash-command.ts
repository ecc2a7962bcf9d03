import * as z from 'zod/mini';
import { canonicalJson } from '../json/canonical-json';
import { englishErrors } from '../validation/_english-errors';

/** How `/orchestrate` runs: plan only, or plan and dispatch. */
export const ORCHESTRATE_MODES = ['plan', 'dispatch'] as const;

/** A validated `/orchestrate` command, as stored in plans and envelopes. */
export const SlashCommandSchema = z.lazy(() =>
  z.strictObject({
    command: z.string().check(z.minLength(1)),
    issue_number: z.number().check(z.int(), z.positive()),
    /** Whether the issue came from the command (`#276`, `issue=276`) or from the commented issue. */
    issue_source: z.enum(['argument', 'event']),
    prompt: z.nullable(z.string()),
    wave: z.nullable(z.string()),
    mode: z.enum(ORCHESTRATE_MODES),
    dry_run: z.boolean(),
    positional: z.array(z.string()),
    named: z.record(z.string(), z.string()),
    line: z.string(),
  }),
);

export type SlashCommand = z.infer<typeof SlashCommandSchema>;

/** Canonical JSON of a command; throws a zod error (`$ZodError`) when the value breaks the schema. */
export function serializeSlashCommand(command: SlashCommand): string {
  return canonicalJson(SlashCommandSchema.parse(command, { error: englishErrors }));
}
