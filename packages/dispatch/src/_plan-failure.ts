import type { PlanErrorCode, PlanResult } from './plan-error';

/** Builds a failed {@link PlanResult}. */
export function planFailure<T>(
  code: PlanErrorCode,
  message: string,
  lookedFor: readonly string[] = [],
  found: readonly string[] = [],
): PlanResult<T> {
  return { ok: false, error: { code, message, lookedFor, found } };
}
