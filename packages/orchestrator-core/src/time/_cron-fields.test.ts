import { describe, expect, it } from 'vitest';
import {
  formatCronFields,
  isFullField,
  isWildcardField,
  parseCronFields,
  type CronFields,
} from './_cron-fields';

function parsed(expression: string): CronFields {
  const result = parseCronFields(expression);
  if (!result.ok) throw new Error(result.issues.join('\n'));
  return result.value;
}

const POSITIONS: readonly (keyof CronFields)[] = [
  'minute',
  'hour',
  'dayOfMonth',
  'month',
  'dayOfWeek',
];

describe('parseCronFields', () => {
  it.each([
    ['minute', '*/15', [0, 15, 30, 45]],
    ['minute', '50-59/4', [50, 54, 58]],
    ['minute', '5,1,5,3', [1, 3, 5]],
    ['minute', '07', [7]],
    ['minute', '*/90', [0]],
    ['hour', '22-23,0-2', [0, 1, 2, 22, 23]],
    ['dayOfMonth', '*/10', [1, 11, 21, 31]],
    ['month', 'jan,Mar-MAY', [1, 3, 4, 5]],
    ['month', 'JAN-DEC/3', [1, 4, 7, 10]],
    ['dayOfWeek', '7', [0]],
    ['dayOfWeek', '5-7', [0, 5, 6]],
    ['dayOfWeek', 'mon-FRI/2', [1, 3, 5]],
    ['dayOfWeek', '0,7,sun', [0]],
    ['minute', '0/15', [0, 15, 30, 45]],
    ['hour', '20/2', [20, 22]],
    ['dayOfWeek', '1/3', [1, 4]],
    ['dayOfWeek', '*/3', [0, 3, 6]],
  ] as const)('reads %s %j as %j', (key, text, values) => {
    const texts = ['0', '0', '1', '1', '*'];
    texts[POSITIONS.indexOf(key)] = text;
    expect(parsed(texts.join(' '))[key].values).toEqual(values);
  });

  it.each([
    ['*', true],
    ['*/2', true],
    ['1-31', false],
    ['1,*', false],
  ])('sets star to %s when day-of-month is written %j', (text, star) => {
    expect(parsed(`0 0 ${text} * *`).dayOfMonth.star).toBe(star);
  });
});

describe('isFullField', () => {
  it.each([
    [true, '* * * * *'],
    [true, '0-59 0-23 1-31 1-12 0-6'],
    [false, '0-58 0-22 1-30 1-11 1-6'],
  ])('returns %s for every field of %j', (full, expression) => {
    const fields = parsed(expression);
    expect(
      (Object.keys(fields) as (keyof CronFields)[]).map((key) => isFullField(fields[key], key)),
    ).toEqual(Array.from({ length: 5 }, () => full));
  });
});

describe('isWildcardField', () => {
  it.each([
    ['1-31', 'dayOfMonth', false],
    ['*', 'dayOfMonth', true],
    ['0-6', 'dayOfWeek', false],
    ['*/1', 'dayOfWeek', true],
    ['*/2', 'dayOfWeek', false],
  ] as const)('decides whether %j in %s is a wildcard: %s', (text, key, wildcard) => {
    const fields = parsed(key === 'dayOfMonth' ? `0 0 ${text} * *` : `0 0 * * ${text}`);
    expect(isWildcardField(fields[key], key)).toBe(wildcard);
  });

  it('treats a full minute, hour or month as a wildcard however it was written', () => {
    const fields = parsed('0-59 0-23 * 1-12 *');
    expect([
      isWildcardField(fields.minute, 'minute'),
      isWildcardField(fields.hour, 'hour'),
    ]).toEqual([true, true]);
    expect(isWildcardField(fields.month, 'month')).toBe(true);
  });
});

describe('formatCronFields', () => {
  it.each([
    ['* * * * *', '* * * * *'],
    ['0-59 */1 1-31 1-12 0-7', '* * 1-31 * 0-6'],
    ['0,1 1,2,3 5,6,7,9 jan,feb mon,wed', '0,1 1-3 5-7,9 1,2 1,3'],
    ['1,3,5,6,7,8,20 * * * *', '1,3,5-8,20 * * * *'],
    [
      '*/2 * * * SUN-SAT',
      '0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42,44,46,48,50,52,54,56,58 * * * 0-6',
    ],
  ])('formats %j as %j', (expression, expected) => {
    expect(formatCronFields(parsed(expression))).toBe(expected);
  });
});
