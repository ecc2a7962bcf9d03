import { EXIT_CODES, type ExitCode } from './exit-codes';

/** Options every rc error accepts. */
export interface RcErrorOptions {
  /** The underlying error, kept for diagnostics. */
  cause?: unknown;
  /** Extra problems, each `path: message`, shown under the message. */
  issues?: readonly string[];
}

/** The base of rc's few error classes: a stable `code` and the exit code the CLI uses. */
export abstract class RcError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: ExitCode;
  readonly issues: readonly string[];

  constructor(message: string, options: RcErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.issues = options.issues ?? [];
  }
}

/** Usage error or invalid input (exit 2). Nothing has been written when it is thrown. */
export class InvalidInputError extends RcError {
  readonly code = 'E_INVALID_INPUT';
  readonly exitCode = EXIT_CODES.invalidInput;
}

/** A decision said no: denied, blocked, held (exit 1). */
export class DeniedError extends RcError {
  readonly code = 'E_DENIED';
  readonly exitCode = EXIT_CODES.failed;
}

/** An operation failed: an agent, a git command, an API call (exit 1). */
export class OperationError extends RcError {
  // `string`, so a narrower failure (GitError in @rc/exec) can name itself.
  readonly code: string = 'E_OPERATION_FAILED';
  readonly exitCode = EXIT_CODES.failed;
}

/** A retryable conflict: a lost push race, an artifact already written differently (exit 3). */
export class ConflictError extends RcError {
  readonly code = 'E_CONFLICT';
  readonly exitCode = EXIT_CODES.conflict;
}

/** A limit was reached: iterations, time, budget (exit 4). */
export class LimitReachedError extends RcError {
  readonly code = 'E_LIMIT';
  readonly exitCode = EXIT_CODES.limit;
}

/** Interrupted by a signal (exit 130). */
export class InterruptedError extends RcError {
  readonly code = 'E_INTERRUPTED';
  readonly exitCode = EXIT_CODES.interrupted;
}

/** True for any of rc's own errors, whatever realm or bundle copy created it. */
export function isRcError(error: unknown): error is RcError {
  return (
    error instanceof RcError ||
    (error instanceof Error &&
      typeof (error as Partial<RcError>).code === 'string' &&
      typeof (error as Partial<RcError>).exitCode === 'number' &&
      Array.isArray((error as Partial<RcError>).issues))
  );
}
