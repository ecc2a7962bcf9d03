import { DeniedError, InvalidInputError } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { planErrorToRcError, type PlanError } from './plan-error';

describe('planErrorToRcError', () => {
  it.each([
    ['missing_label', DeniedError, 1],
    ['labels_unknown', DeniedError, 1],
    ['prompt_not_found', InvalidInputError, 2],
    ['prompt_ambiguous', InvalidInputError, 2],
    ['issue_mismatch', InvalidInputError, 2],
    ['invalid_run_id', InvalidInputError, 2],
  ] as const)('turns %s into %o (exit %i)', (code, type, exitCode) => {
    const error: PlanError = { code, message: 'm', lookedFor: ['a.md'], found: ['b.md'] };
    const rc = planErrorToRcError(error);
    expect(rc).toBeInstanceOf(type);
    expect(rc.exitCode).toBe(exitCode);
    expect(rc.message).toBe(`dispatch plan (${code}): m`);
    expect(rc.issues).toEqual(['looked for: a.md', 'found: b.md']);
  });
});
