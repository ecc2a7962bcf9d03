import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from './exit-codes';
import {
  ConflictError,
  DeniedError,
  InterruptedError,
  InvalidInputError,
  isRcError,
  LimitReachedError,
  OperationError,
} from './rc-error';

describe('rc errors', () => {
  it.each([
    [InvalidInputError, 'E_INVALID_INPUT', EXIT_CODES.invalidInput],
    [DeniedError, 'E_DENIED', EXIT_CODES.failed],
    [OperationError, 'E_OPERATION_FAILED', EXIT_CODES.failed],
    [ConflictError, 'E_CONFLICT', EXIT_CODES.conflict],
    [LimitReachedError, 'E_LIMIT', EXIT_CODES.limit],
    [InterruptedError, 'E_INTERRUPTED', EXIT_CODES.interrupted],
  ])('%o carries its code, exit code, cause and issues', (ErrorClass, code, exitCode) => {
    const cause = new Error('root');
    const error = new ErrorClass('it broke', { cause, issues: ['a: b'] });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(exitCode);
    expect(error.cause).toBe(cause);
    expect(error.issues).toEqual(['a: b']);
    expect(isRcError(error)).toBe(true);
  });

  it('has no cause or issues unless given', () => {
    const error = new ConflictError('x');
    expect('cause' in error).toBe(false);
    expect(error.issues).toEqual([]);
  });

  it('recognises rc errors by shape across bundle copies, and nothing else', () => {
    const foreign = Object.assign(new Error('x'), { code: 'E_CONFLICT', exitCode: 3, issues: [] });
    expect(isRcError(foreign)).toBe(true);
    expect(isRcError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(isRcError('E_CONFLICT')).toBe(false);
  });

  it('uses the exit codes of DESIGN.md', () => {
    expect(EXIT_CODES).toEqual({
      ok: 0,
      failed: 1,
      invalidInput: 2,
      conflict: 3,
      limit: 4,
      interrupted: 130,
    });
  });
});
