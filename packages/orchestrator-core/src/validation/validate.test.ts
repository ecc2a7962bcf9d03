import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { validate } from './validate';

const schema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  mode: z.enum(['plan', 'dispatch']),
  count: z.number().check(z.int(), z.maximum(3)),
});

describe('validate', () => {
  it('returns the parsed value when the input fits', () => {
    expect(validate(schema, { name: 'a', mode: 'plan', count: 1 })).toEqual({
      ok: true,
      value: { name: 'a', mode: 'plan', count: 1 },
    });
  });

  it.each([
    [{ name: 'a', mode: 'plan', count: 1, extra: 1 }, '(root): Unrecognized key: "extra"'],
    [
      { name: '', mode: 'plan', count: 1 },
      'name: Too small: expected string to have >=1 characters',
    ],
    [
      { name: 'a', mode: 'apply', count: 1 },
      'mode: Invalid option: expected one of "plan"|"dispatch"',
    ],
    [{ name: 'a', mode: 'plan', count: 4 }, 'count: Too big: expected number to be <=3'],
    [{ name: 'a', mode: 'plan' }, 'count: Invalid input: expected number, received undefined'],
  ])('reports %j in English as path: message', (value, issue) => {
    expect(validate(schema, value)).toEqual({ ok: false, issues: [issue] });
  });

  it('prefixes paths with the root given', () => {
    expect(validate(schema, { name: 'a', mode: 'plan', count: 1.5 }, 'gate')).toEqual({
      ok: false,
      issues: ['gate.count: Invalid input: expected int, received number'],
    });
  });

  it('leaves zod global configuration alone', () => {
    validate(schema, {});
    expect(z.config().localeError).toBeUndefined();
    expect(z.config().customError).toBeUndefined();
  });
});
