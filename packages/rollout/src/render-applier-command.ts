import { InvalidInputError } from '@rc/orchestrator-core';

/** Everything rc tells the applier about a change. */
export interface ApplierVariables {
  /** `apply` for a forward promotion, `rollback` for a return to a known-good version. */
  readonly mode: 'apply' | 'rollback';
  readonly stage: string;
  readonly version: string;
  /** The digest, or '' when the candidate has none. */
  readonly digest: string;
  /** The version being replaced, or '' when the stage had none. */
  readonly previous: string;
  readonly run_id: string;
  readonly idempotency_key: string;
  readonly trace_id: string;
}

/** The fixed order in which `forward_args` appends the variables, as `--flag value` pairs. */
export const APPLIER_ARG_ORDER = [
  'mode',
  'stage',
  'version',
  'digest',
  'previous',
  'run_id',
  'idempotency_key',
  'trace_id',
] as const satisfies readonly (keyof ApplierVariables)[];

/**
 * Renders the applier argv: `{name}` placeholders in the template replaced by the variables,
 * then (with `forwardArgs`) `--mode M --stage S --version V --digest D --previous P --run-id R
 * --idempotency-key K --trace-id T`, always all eight, in that order, empty values included.
 */
export function renderApplierCommand(
  template: readonly string[],
  forwardArgs: boolean,
  variables: ApplierVariables,
): string[] {
  if (template.length === 0) {
    throw new InvalidInputError('promotion.applier.command: no applier command is configured');
  }
  const rendered = template.map((word) =>
    word.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
      if (!(APPLIER_ARG_ORDER as readonly string[]).includes(name)) {
        throw new InvalidInputError(
          `promotion.applier.command: unknown placeholder {${name}} (known: ${APPLIER_ARG_ORDER.join(', ')})`,
        );
      }
      return variables[name as keyof ApplierVariables];
    }),
  );
  if (!forwardArgs) return rendered;
  return [
    ...rendered,
    ...APPLIER_ARG_ORDER.flatMap((name) => [`--${name.replace(/_/g, '-')}`, variables[name]]),
  ];
}

/** The environment rc adds for the applier, beside the inherited one. */
export function applierEnvironment(variables: ApplierVariables): Record<string, string> {
  return {
    RC_TRACE_ID: variables.trace_id,
    RC_IDEMPOTENCY_KEY: variables.idempotency_key,
    RC_RUN_ID: variables.run_id,
    RC_PROMOTION_MODE: variables.mode,
    RC_PROMOTION_STAGE: variables.stage,
    RC_PROMOTION_VERSION: variables.version,
    RC_PROMOTION_DIGEST: variables.digest,
    RC_PROMOTION_PREVIOUS: variables.previous,
  };
}
