import * as z from 'zod/mini';

const nonEmpty = z.string().check(z.minLength(1));
const name = z.string().check(z.regex(/^[a-z][a-z0-9_-]*$/, 'expected a lowercase name'));
const metric = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'expected a metric name'));
const clockTime = z.string().check(z.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'expected HH:mm'));

/** Week days as written in `change_windows`, Monday first. */
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One decision threshold: a signal metric with a lower and/or upper bound. */
const PromotionThresholdSchema = z.lazy(() =>
  z
    .strictObject({
      metric,
      min: z.optional(z.number()),
      max: z.optional(z.number()),
      // A breach of a `rollback` threshold is evidence the candidate is bad, not just unproven.
      on_breach: z._default(z.enum(['hold', 'rollback']), 'hold'),
    })
    .check(
      z.refine((t) => t.min !== undefined || t.max !== undefined, 'expected min, max or both'),
    ),
);

/** A change window in Phoenix wall time: `start` inclusive, `end` exclusive, on `days`. */
const ChangeWindowSchema = z.lazy(() =>
  z.strictObject({
    days: z._default(z.array(z.enum(WEEK_DAYS)).check(z.minLength(1)), [
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]),
    start: clockTime,
    end: clockTime,
  }),
);

/** Who may promote, with what paperwork, and when. */
const PromotionGovernanceSchema = z.lazy(() =>
  z.strictObject({
    allowed_actors: z._default(z.array(nonEmpty), []),
    required_approvals: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(10)), 0),
    require_change_ticket: z._default(z.boolean(), false),
    change_ticket_pattern: z._default(nonEmpty, '^[A-Z][A-Z0-9]+-[0-9]+$'),
    require_intent: z._default(z.boolean(), true),
    change_windows: z._default(z.array(ChangeWindowSchema), []),
    rollback_outside_windows: z._default(z.boolean(), true),
  }),
);

/** The command rc runs to apply a version to a stage. */
const PromotionApplierSchema = z.lazy(() =>
  z.strictObject({
    command: z._default(z.array(nonEmpty), []),
    forward_args: z._default(z.boolean(), true),
    timeout_ms: z._default(
      z.number().check(z.int(), z.positive(), z.maximum(24 * 3_600_000)),
      600_000,
    ),
  }),
);

/** `promotion`: stages, signals, thresholds, governance, the applier and the state file. */
export const PromotionConfigSchema = z.lazy(() =>
  z.strictObject({
    stages: z._default(
      z.array(name).check(
        z.minLength(1),
        z.refine((stages) => new Set(stages).size === stages.length, 'expected unique stages'),
      ),
      ['canary', 'stable'],
    ),
    signals_file: z._default(nonEmpty, 'artifacts/promotion/signals.json'),
    thresholds: z._default(z.array(PromotionThresholdSchema), () => [
      { metric: 'pass_rate', min: 0.95, on_breach: 'hold' as const },
      { metric: 'error_rate', max: 0.01, on_breach: 'rollback' as const },
    ]),
    governance: z._default(PromotionGovernanceSchema, () => PromotionGovernanceSchema.parse({})),
    applier: z._default(PromotionApplierSchema, () => PromotionApplierSchema.parse({})),
    state_file: z._default(nonEmpty, '.rc/promotion-state.json'),
    artifacts_dir: z._default(nonEmpty, 'artifacts/promotion'),
  }),
);

export type PromotionConfig = z.output<typeof PromotionConfigSchema>;
export type PromotionThreshold = z.output<typeof PromotionThresholdSchema>;
export type PromotionGovernance = z.output<typeof PromotionGovernanceSchema>;
export type ChangeWindow = z.output<typeof ChangeWindowSchema>;
export type WeekDay = (typeof WEEK_DAYS)[number];
