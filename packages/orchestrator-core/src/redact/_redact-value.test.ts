import { describe, expect, it } from 'vitest';
import { CIRCULAR, redactValue, UNREADABLE } from './_redact-value';
import { createRedactor } from './create-redactor';

const { redact } = createRedactor({ env: {}, secrets: ['s3cr3t'] });

class CodedError extends Error {
  readonly code = 'E_CODED';
}

describe('redactValue', () => {
  it('redacts every string in nested objects and arrays, keys included', () => {
    const input = { 's3cr3t-key': ['a s3cr3t', { deep: ['s3cr3t'] }], plain: 'ok' };
    expect(redactValue(input, redact)).toEqual({
      '***-key': ['a ***', { deep: ['***'] }],
      plain: 'ok',
    });
  });

  it('copies instead of mutating the input', () => {
    const input = { list: ['s3cr3t'] };
    const out = redactValue(input, redact);
    expect(out).not.toBe(input);
    expect(input.list[0]).toBe('s3cr3t');
  });

  it.each([42, -0, true, false, null, undefined, 10n])('returns %s as it is', (value) => {
    expect(redactValue(value, redact)).toBe(value);
  });

  it('turns an Error into name, message, code and cause without the stack', () => {
    const error = new CodedError('bad s3cr3t', { cause: new TypeError('inner s3cr3t') });
    expect(redactValue(error, redact)).toStrictEqual({
      name: 'Error',
      message: 'bad ***',
      code: 'E_CODED',
      cause: { name: 'TypeError', message: 'inner ***' },
    });
  });

  it('writes a non-Error cause as a value', () => {
    const error = new Error('x', { cause: { detail: 's3cr3t' } });
    expect(redactValue(error, redact)).toEqual({
      name: 'Error',
      message: 'x',
      cause: { detail: '***' },
    });
  });

  it('replaces cycles with [Circular] in objects, arrays and error causes', () => {
    const object: Record<string, unknown> = { name: 'loop' };
    object['self'] = object;
    const array: unknown[] = [];
    array.push(array);
    const error = new Error('e');
    error.cause = error;
    expect(redactValue(object, redact)).toEqual({ name: 'loop', self: CIRCULAR });
    expect(redactValue(array, redact)).toEqual([CIRCULAR]);
    expect(redactValue(error, redact)).toEqual({ name: 'Error', message: 'e', cause: CIRCULAR });
  });

  it('copies an object seen twice side by side rather than calling it circular', () => {
    const shared = { v: 1 };
    expect(redactValue([shared, shared], redact)).toEqual([{ v: 1 }, { v: 1 }]);
  });

  it('applies toJSON the way JSON.stringify does', () => {
    const url = new URL('https://user:s3cr3t@example.com/');
    expect(redactValue({ when: new Date('2026-11-20T16:15:00Z'), url }, redact)).toEqual({
      when: '2026-11-20T16:15:00.000Z',
      url: 'https://user:***@example.com/',
    });
  });

  it('writes [Unreadable] for a throwing getter or toJSON', () => {
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    const toJson = {
      toJSON: () => {
        throw new Error('no');
      },
    };
    expect(redactValue({ getter, toJson }, redact)).toEqual({
      getter: { boom: UNREADABLE },
      toJson: UNREADABLE,
    });
  });

  it('keeps a __proto__ key as an ordinary field', () => {
    const input = JSON.parse('{"__proto__":{"polluted":"s3cr3t"}}') as unknown;
    const out = redactValue(input, redact) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: '***' });
  });

  it('copies the own enumerable fields of class instances', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly label: string,
      ) {}
    }
    expect(redactValue(new Point(1, 's3cr3t'), redact)).toEqual({ x: 1, label: '***' });
  });
});
