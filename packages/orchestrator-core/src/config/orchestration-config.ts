import * as z from 'zod/mini';
import { sectionDefaults } from './_section-defaults';
import { PlaybookConfigSchema } from './playbook-config';
import { PromotionConfigSchema } from './promotion-config';
import { DispatchConfigSchema, GateConfigSchema, LoopConfigSchema } from './section-schemas';

const nonEmpty = z.string().check(z.minLength(1));

/**
 * `lint`: the configuration of `rc workflows lint` (as `.github/rc-lint.yaml` holds it). Rule ids
 * are checked by @rc/workflows, which owns the rules.
 */
export const LintSectionSchema = z.strictObject({
  allowed_secrets: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/)))),
  disable: z.optional(z.array(nonEmpty)),
  severity: z.optional(z.enum(['error', 'warning', 'note'])),
});

/**
 * The whole `orchestration.yaml`. Unknown top-level sections are an error, to catch typos. A
 * section left out takes its defaults without building its schema.
 */
export const OrchestrationConfigSchema = z.lazy(() =>
  z.strictObject({
    version: z._default(z.literal(1), 1),
    gate: z._default(GateConfigSchema, sectionDefaults.gate),
    dispatch: z._default(DispatchConfigSchema, sectionDefaults.dispatch),
    loop: z._default(LoopConfigSchema, sectionDefaults.loop),
    playbook: z._default(PlaybookConfigSchema, sectionDefaults.playbook),
    promotion: z._default(PromotionConfigSchema, sectionDefaults.promotion),
    lint: z.optional(LintSectionSchema),
  }),
);

export type OrchestrationConfig = z.output<typeof OrchestrationConfigSchema>;
export type OrchestrationConfigInput = z.input<typeof OrchestrationConfigSchema>;
