import { isRcError, EXIT_CODES } from '@rc/orchestrator-core';

/** The exit code and one-line message for an error the action hit. */
export function describeError(error: unknown): { code: number; message: string } {
  if (isRcError(error)) {
    const issues = error.issues.length > 0 ? ` ${error.issues.join('; ')}` : '';
    return { code: error.exitCode, message: `rc: ${error.message}${issues}` };
  }
  if (error instanceof SyntaxError)
    return {
      code: EXIT_CODES.invalidInput,
      message: `rc: the event is not valid JSON: ${error.message}`,
    };
  const unreadable = unreadableFile(error);
  if (unreadable !== null)
    return { code: EXIT_CODES.invalidInput, message: `rc: cannot read ${unreadable}` };
  return {
    code: EXIT_CODES.failed,
    message: `rc: internal error, please report it: ${error instanceof Error ? error.message : String(error)}`,
  };
}

// A file rc was pointed at (the event) that is missing or unreadable: invalid input, not a bug.
function unreadableFile(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string' || syscall === undefined) return null;
  return `${path} (${code})`;
}
