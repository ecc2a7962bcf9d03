import { describe, expect, it } from 'vitest';
import { parseCronFields, type CronFields } from './_cron-fields';
import { cronMatches, cronMatchesDay, type CronMoment } from './_cron-matches';

function parsed(expression: string): CronFields {
  const result = parseCronFields(expression);
  if (!result.ok) throw new Error(result.issues.join('\n'));
  return result.value;
}

// Friday 20 November 2026, 09:15.
const MOMENT: CronMoment = { month: 11, day: 20, weekday: 5, hour: 9, minute: 15 };

describe('cronMatches', () => {
  it.each([
    [true, '* * * * *'],
    [true, '15 9 * * *'],
    [true, '*/15 9-17 * * 1-5'],
    [false, '16 9 * * *'],
    [false, '15 10 * * *'],
    [true, '15 9 20 11 5'],
    [false, '15 9 * 12 *'],
  ])('returns %s for %j at Friday 20 November 09:15', (expected, expression) => {
    expect(cronMatches(parsed(expression), MOMENT)).toBe(expected);
  });
});

describe('cronMatchesDay', () => {
  it.each([
    [true, '0 0 20 * 1', 'either day field matches when both are restricted'],
    [true, '0 0 21 * 5', 'either day field matches when both are restricted'],
    [false, '0 0 21 * 1', 'neither restricted day field matches'],
    [true, '0 0 * * 5', 'day-of-month is *'],
    [false, '0 0 * * 1', 'day-of-month is * and day-of-week does not match'],
    [false, '0 0 21 * *', 'day-of-week is * and day-of-month does not match'],
    [false, '0 0 */2 * 5', 'day-of-month starts with * so both must match (Vixie cron)'],
    [true, '0 0 */19 * 5', 'day-of-month starts with * and both match'],
    [true, '0 0 20 * 5', 'both restricted day fields match'],
    [false, '0 0 20 10 5', 'the month does not match'],
  ])('returns %s for %j because %s', (expected, expression) => {
    expect(cronMatchesDay(parsed(expression), MOMENT)).toBe(expected);
  });
});
