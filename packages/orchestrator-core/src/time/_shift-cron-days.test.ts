import { describe, expect, it } from 'vitest';
import { formatCronFields, parseCronFields, type CronFields } from './_cron-fields';
import { shiftCronDays } from './_shift-cron-days';

function parsed(expression: string): CronFields {
  const result = parseCronFields(expression);
  if (!result.ok) throw new Error(result.issues.join('\n'));
  return result.value;
}

describe('shiftCronDays', () => {
  it.each([
    ['0 22 * * 6', 1, '0 22 * * 0'],
    ['0 22 * * 0', -1, '0 22 * * 6'],
    ['0 22 * * *', 1, '0 22 * * *'],
    ['0 22 1-31 * 0-6', -1, '0 22 1-31 * 0-6'],
    ['0 22 10,20 * 1', 1, '0 22 11,21 * 2'],
    ['0 22 10,20 * 1', -1, '0 22 9,19 * 0'],
    ['0 22 29 1,3 *', 1, '0 22 30 1,3 *'],
    ['0 22 30 4 *', -1, '0 22 29 4 *'],
    ['0 22 29 3 *', -1, '0 22 28 3 *'],
    ['0 22 30,31 2 *', 1, '0 22 31 2 *'],
  ] as const)('shifts %j by %i day to %j', (expression, delta, expected) => {
    const shifted = shiftCronDays(parsed(expression), delta);
    expect(shifted.ok && formatCronFields(shifted.value)).toBe(expected);
  });

  it.each([
    ['0 22 30 1,4 *', 1, 'day-of-month" value 30'],
    ['0 22 28 2 *', 1, 'day-of-month" value 28'],
    ['0 22 2,1 * *', -1, 'day-of-month" value 1'],
    ['0 22 29 * *', -1, 'day-of-month" value 29'],
    ['0 22 * 12 *', 1, 'month"'],
    ['0 22 * 1 *', -1, 'month"'],
  ] as const)('fails for %j shifted by %i, naming %s', (expression, delta, named) => {
    const shifted = shiftCronDays(parsed(expression), delta);
    expect(shifted.ok ? [] : shifted.issues).toEqual([
      expect.stringContaining(`cron: field "${named}`),
    ]);
  });
});
