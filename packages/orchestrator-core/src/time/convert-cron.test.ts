import { describe, expect, it } from 'vitest';
import { convertCron, type ConvertCronOptions } from './convert-cron';

const PHOENIX_TO_UTC: ConvertCronOptions = { from: 'America/Phoenix', to: 'UTC' };
const UTC_TO_PHOENIX: ConvertCronOptions = { from: 'UTC', to: 'America/Phoenix' };

describe('convertCron', () => {
  it.each([
    ['0 9 * * 1-5', ['0 16 * * 1-5']],
    ['30 20 * * 5', ['30 3 * * 6']],
    ['0 18 * * 6', ['0 1 * * 0']],
    ['0 6,22 * * 1', ['0 13 * * 1', '0 5 * * 2']],
    ['0 22 * * fri-sat', ['0 5 * * 0,6']],
    ['0 22 * * 6,7', ['0 5 * * 0,1']],
    ['0 * * * 1-5', ['0 7-23 * * 1-5', '0 0-6 * * 2-6']],
    ['*/15 * * * *', ['0,15,30,45 * * * *']],
    ['0/15 * * * *', ['0,15,30,45 * * * *']],
    ['@daily', ['0 7 * * *']],
    ['@MIDNIGHT', ['0 7 * * *']],
    ['@hourly', ['0 * * * *']],
    ['@weekly', ['0 7 * * 0']],
    ['@monthly', ['0 7 1 * *']],
    ['@yearly', ['0 7 1 1 *']],
    ['@annually', ['0 7 1 1 *']],
    ['0 17-23 * * *', ['0 0-6 * * *']],
    ['0 16,17 * * *', ['0 0,23 * * *']],
    ['0 9 * jan,JUL *', ['0 16 * 1,7 *']],
    ['0 9 31 * *', ['0 16 31 * *']],
    ['0 22 15 * *', ['0 5 16 * *']],
    ['0 22 1-27 * *', ['0 5 2-28 * *']],
    ['0 22 28 1 *', ['0 5 29 1 *']],
    ['0 22 30 2 *', ['0 5 31 2 *']],
    ['0 22 15 * 1', ['0 5 16 * 2']],
    ['0 10,22 1-31 * 0-6', ['0 5,17 1-31 * 0-6']],
    ['5 22 2-26/3 * *', ['5 5 3,6,9,12,15,18,21,24,27 * *']],
  ])('converts Phoenix %j to UTC %j', (expression, expected) => {
    expect(convertCron(expression, PHOENIX_TO_UTC)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['0 16 * * 1-5', ['0 9 * * 1-5']],
    ['30 3 * * 6', ['30 20 * * 5']],
    ['0 1 * * 0', ['0 18 * * 6']],
    ['0 6 * * SUN', ['0 23 * * 6']],
    ['0 3 * * 7', ['0 20 * * 6']],
    ['0 5,13 * * 1', ['0 6 * * 1', '0 22 * * 0']],
    ['0 0-6 * * 0,1', ['0 17-23 * * 0,6']],
    ['0 2 15 * *', ['0 19 14 * *']],
    ['0 2 2-28 1 *', ['0 19 1-27 1 *']],
    ['45 7 * * *', ['45 0 * * *']],
  ])('converts UTC %j to Phoenix %j', (expression, expected) => {
    expect(convertCron(expression, UTC_TO_PHOENIX)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['*/20 9-17 * JAN-MAR mon-fri', '0,20,40 9-17 * 1-3 1-5'],
    ['0 0 * * 7', '0 0 * * 0'],
    ['0 0 1-31 * 0-6', '0 0 1-31 * 0-6'],
    ['  0   9 *\t* *  ', '0 9 * * *'],
    ['0-59 0-23 * 1-12 *', '* * * * *'],
    ['1,2,3,5,6 0 1 * *', '1-3,5,6 0 1 * *'],
    ['0 22 31 * *', '0 22 31 * *'],
  ])('returns the normalised expression when from equals to: %j -> %j', (expression, expected) => {
    expect(convertCron(expression, { from: 'UTC', to: 'UTC' })).toEqual({
      ok: true,
      value: [expected],
    });
    expect(convertCron(expression, { from: 'America/Phoenix', to: 'America/Phoenix' })).toEqual({
      ok: true,
      value: [expected],
    });
  });

  it.each([
    ['0 20 * 1 *', ['0 3 2-31 1 *', '0 3 1 2 *']],
    ['0 20 * 1-6 *', ['0 3 2-31 1 *', '0 3 * 2-6 *', '0 3 1 7 *']],
    ['0 20 * 12 *', ['0 3 1 1 *', '0 3 2-31 12 *']],
    ['0 20 * 2-11 *', ['0 3 2-31 2 *', '0 3 * 3-11 *', '0 3 1 12 *']],
    ['30 18 31 * *', ['30 1 1 1,2,4,6,8,9,11 *']],
    ['0 23 31 12 *', ['0 6 1 1 *']],
    ['0 20 15-31 * *', ['0 3 1,16-31 * *']],
    ['0 20 31 * 0-6', ['0 3 * * *']],
    ['0 20,23 1,31 * *', ['0 3,6 1,2 1,2,4,6,8,9,11 *', '0 3,6 2 3,5,7,10,12 *']],
    ['0 22 31 * 1', ['0 5 1 1,2,4,6,8,9,11 2', '0 5 * 3,5,7,10,12 2']],
    ['0 9,22 * 3 *', ['0 16 * 3 *', '0 5 2-31 3 *', '0 5 1 4 *']],
  ])(
    'converts Phoenix %j, whose moved days differ by month, to one UTC expression per group of months: %j',
    (expression, expected) => {
      expect(convertCron(expression, PHOENIX_TO_UTC)).toEqual({ ok: true, value: expected });
    },
  );

  it.each([
    ['0 5 1 * 0-6', ['0 22 * * *']],
    ['0 2 31 * *', ['0 19 30 1,3,5,7,8,10,12 *']],
  ])('converts UTC %j to Phoenix %j across month ends', (expression, expected) => {
    expect(convertCron(expression, UTC_TO_PHOENIX)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [
      '0 22 28 * *',
      PHOENIX_TO_UTC,
      'cron: no exact conversion because hours 22 cross midnight: whether a run lands on March 1 depends on whether February has 29 days, which cron cannot express',
    ],
    [
      '5 22 */3 * *',
      PHOENIX_TO_UTC,
      'cron: no exact conversion because hours 22 cross midnight: whether a run lands on March 1 depends on whether February has 29 days, which cron cannot express',
    ],
    [
      '0 22 29 2 *',
      PHOENIX_TO_UTC,
      'cron: no exact conversion because hours 22 cross midnight: whether a run lands on March 1 depends on whether February has 29 days, which cron cannot express',
    ],
    [
      '0 2 1 * *',
      UTC_TO_PHOENIX,
      'cron: no exact conversion because hours 2 cross midnight: whether a run lands on February 28 depends on whether February has 29 days, which cron cannot express',
    ],
    [
      '0 2 * 3 *',
      UTC_TO_PHOENIX,
      'cron: no exact conversion because hours 2 cross midnight: whether a run lands on February 28 depends on whether February has 29 days, which cron cannot express',
    ],
    [
      '0 22 15 3 1',
      PHOENIX_TO_UTC,
      'cron: no exact conversion because hours 22 cross midnight: runs would land on March 2 when it is a Tuesday, but not on every March 2 nor on every Tuesday in March',
    ],
    [
      '0 22 31 2 *',
      PHOENIX_TO_UTC,
      'cron: fields "day-of-month", "month" and "day-of-week" match no real day, so the expression never fires',
    ],
    [
      '0 9 */2 * 1',
      PHOENIX_TO_UTC,
      'cron: fields "day-of-month" and "day-of-week" mix a "*/n" step with a restricted day; cron implementations disagree on whether both or either must match, so write the stepped field as a list',
    ],
  ])('fails for %j when no set of expressions can be exact', (expression, options, issue) => {
    expect(convertCron(expression, options)).toEqual({ ok: false, issues: [issue] });
  });

  it('converts a day-of-month that would cross a month boundary when no hour crosses midnight', () => {
    expect(convertCron('0 8-16 31 * *', PHOENIX_TO_UTC)).toEqual({
      ok: true,
      value: ['0 15-23 31 * *'],
    });
  });

  it.each([
    [
      '0 9 * *',
      'cron: expected 5 fields (minute hour day-of-month month day-of-week), got 4 in "0 9 * *"',
    ],
    ['', 'cron: expected 5 fields (minute hour day-of-month month day-of-week), got 0 in ""'],
    [
      '@reboot',
      'cron: shorthand "@reboot" is not one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly',
    ],
    ['0 24 * * *', 'cron: field "hour" value 24 is out of range 0-23'],
    ['60 0 * * *', 'cron: field "minute" value 60 is out of range 0-59'],
    ['0 0 0 * *', 'cron: field "day-of-month" value 0 is out of range 1-31'],
    ['0 0 * 13 *', 'cron: field "month" value 13 is out of range 1-12'],
    ['0 0 * * 8', 'cron: field "day-of-week" value 8 is out of range 0-7'],
    ['0 0 * FOO *', 'cron: field "month" value "FOO" is not a number or name'],
    ['JAN 0 * * *', 'cron: field "minute" value "JAN" is not a number'],
    [
      '1,,2 0 * * *',
      'cron: field "minute" item "" is not *, a value, a range a-b, or a step */n, a/n or a-b/n',
    ],
    [
      '5/ 0 * * *',
      'cron: field "minute" item "5/" is not *, a value, a range a-b, or a step */n, a/n or a-b/n',
    ],
    [
      '0 -1 * * *',
      'cron: field "hour" item "-1" is not *, a value, a range a-b, or a step */n, a/n or a-b/n',
    ],
    ['*/0 0 * * *', 'cron: field "minute" step 0 in "*/0" must be at least 1'],
    ['0 5-1 * * *', 'cron: field "hour" range 5-1 in "5-1" runs backwards'],
    ['0 0 * * SAT-SUN', 'cron: field "day-of-week" range 6-0 in "SAT-SUN" runs backwards'],
  ])('fails for %j with the issue naming the field', (expression, issue) => {
    expect(convertCron(expression, PHOENIX_TO_UTC)).toEqual({ ok: false, issues: [issue] });
  });

  it('collects every issue when several fields are invalid', () => {
    const result = convertCron('60 24 * 13 9', PHOENIX_TO_UTC);
    expect(result.ok ? [] : result.issues).toEqual([
      'cron: field "minute" value 60 is out of range 0-59',
      'cron: field "hour" value 24 is out of range 0-23',
      'cron: field "month" value 13 is out of range 1-12',
      'cron: field "day-of-week" value 9 is out of range 0-7',
    ]);
  });

  it('fails instead of throwing when a zone is not supported', () => {
    const options = { from: 'Europe/Paris', to: 'UTC' } as unknown as ConvertCronOptions;
    expect(convertCron('0 9 * * *', options)).toEqual({
      ok: false,
      issues: ['cron: zone "Europe/Paris" is not America/Phoenix or UTC'],
    });
  });
});
