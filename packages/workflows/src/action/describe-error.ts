import { isRcError } from '@rc/orchestrator-core';

/** The exit code and one-line message for an error the action hit. */
export function describeError(error: unknown): { code: number; message: string } {
  if (isRcError(error)) {
    const issues = error.issues.length > 0 ? ` ${error.issues.join('; ')}` : '';
    return { code: error.exitCode, message: `rc: ${error.message}${issues}` };
  }
  if (error instanceof SyntaxError)
    return { code: 2, message: `rc: the event is not valid JSON: ${error.message}` };
  return {
    code: 1,
    message: `rc: internal error, please report it: ${error instanceof Error ? error.message : String(error)}`,
  };
}
