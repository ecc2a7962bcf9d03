import { DeniedError, InvalidInputError, type RcError } from '@rc/orchestrator-core';

/** Why {@link planDispatch} could not plan. */
export const PLAN_ERROR_CODES = [
  'missing_label',
  'labels_unknown',
  'issue_mismatch',
  'prompt_not_found',
  'prompt_ambiguous',
  'invalid_run_id',
  'invalid_time',
  'invalid_plan',
] as const;

export type PlanErrorCode = (typeof PLAN_ERROR_CODES)[number];

/**
 * A planning failure. The message may quote text from the event (a prompt name, a label): print
 * it through a redactor, as rc's logger does.
 */
export interface PlanError {
  code: PlanErrorCode;
  /** What went wrong, what was looked for and what was found, for a human. */
  message: string;
  /** File paths, patterns, labels or shapes that were looked for. */
  lookedFor: readonly string[];
  /** What was there instead: prompt files, candidates, the issue's labels, the value given. */
  found: readonly string[];
}

/** The outcome of {@link planDispatch}. */
export type PlanResult<T> = { ok: true; value: T } | { ok: false; error: PlanError };

const DENIALS: readonly PlanErrorCode[] = ['missing_label', 'labels_unknown'];

/**
 * The rc error the CLI throws for a plan error: a label check that said no is a denial (exit 1);
 * everything else is invalid input (exit 2). The details go into `issues`.
 */
export function planErrorToRcError(error: PlanError): RcError {
  const issues = [
    ...error.lookedFor.map((item) => `looked for: ${item}`),
    ...error.found.map((item) => `found: ${item}`),
  ];
  const message = `dispatch plan (${error.code}): ${error.message}`;
  return DENIALS.includes(error.code)
    ? new DeniedError(message, { issues })
    : new InvalidInputError(message, { issues });
}
