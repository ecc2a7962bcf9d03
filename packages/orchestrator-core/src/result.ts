/** The outcome of validating or parsing untrusted input: a value, or every problem as `path: message`. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Builds a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed {@link Result} from one or more `path: message` issues. */
export function fail<T = never>(...issues: string[]): Result<T> {
  return { ok: false, issues };
}
