/** The one exit-code table shared by every `rc` command (see docs/cli.md). */
export const EXIT_CODES = {
  /** Success. */
  ok: 0,
  /** A decision said no or an operation failed (denied, blocked, agent failed). */
  failed: 1,
  /** Usage error or invalid input: bad flag, malformed JSON, schema violation. */
  invalidInput: 2,
  /** A retryable conflict: lost a git push race, promotion already in flight. */
  conflict: 3,
  /** A limit was reached: iterations, time, budget. */
  limit: 4,
  /** Interrupted by a signal. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
