import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatRunId, parseRunId, RUN_ID_PATTERN } from './run-id';

const NOVEMBER_UTC = Date.UTC(2026, 10, 20, 16, 15);

describe('formatRunId', () => {
  it.each([
    ['2026-11-20T16:15:00Z', '2026-11-20T09-15-00-0700'],
    ['2026-07-04T16:15:42.999Z', '2026-07-04T09-15-42-0700'],
    ['2027-01-01T03:00:00Z', '2026-12-31T20-00-00-0700'],
    ['2000-01-01T07:00:00Z', '2000-01-01T00-00-00-0700'],
    ['1960-06-01T19:00:00Z', '1960-06-01T12-00-00-0700'],
  ])('formats %s as %s in Phoenix time', (iso, expected) => {
    expect(formatRunId(new Date(iso))).toBe(expected);
  });

  it.each([
    ['a Date', new Date(NOVEMBER_UTC)],
    ['epoch milliseconds', NOVEMBER_UTC],
    ['a UTC DateTime', DateTime.fromMillis(NOVEMBER_UTC, { zone: 'UTC' })],
  ])('gives the same id when given %s', (_label, instant) => {
    expect(formatRunId(instant)).toBe('2026-11-20T09-15-00-0700');
  });

  it('produces text that RUN_ID_PATTERN accepts', () => {
    expect(RUN_ID_PATTERN.test(formatRunId(NOVEMBER_UTC))).toBe(true);
  });

  it('throws a RangeError when the instant is invalid', () => {
    expect(() => formatRunId(Number.NaN)).toThrow(RangeError);
  });
});

describe('RUN_ID_PATTERN', () => {
  it.each([
    [true, '2026-11-20T09-15-00-0700'],
    [false, '2026-11-20T09-15-00-0600'],
    [false, '2026-11-20T09:15:00-0700'],
    [false, '2026-11-20T09-15-00-07:00'],
    [false, 'run-2026-11-20T09-15-00-0700'],
    [false, '2026-11-20T09-15-00-0700.json'],
    [false, '26-11-20T09-15-00-0700'],
  ])('returns %s for %j', (expected, text) => {
    expect(RUN_ID_PATTERN.test(text)).toBe(expected);
  });
});

describe('parseRunId', () => {
  it('parses an id into the Phoenix instant it names', () => {
    const result = parseRunId('2026-11-20T09-15-00-0700');
    expect(result.ok && result.value.toISO()).toBe('2026-11-20T09:15:00.000-07:00');
    expect(result.ok && [result.value.zoneName, result.value.offset]).toEqual(['UTC-7', -420]);
    expect(result.ok && result.value.toMillis()).toBe(NOVEMBER_UTC);
  });

  it.each([
    'xyz',
    '',
    '2026-11-20T09:15:00-0700',
    '2026-11-20T09-15-00',
    '2026-11-20T09-15-00-07:00',
    '2026-11-20t09-15-00-0700',
    ' 2026-11-20T09-15-00-0700',
    '2026-11-20T09-15-00-0700\n',
    '2026-11-20T9-15-00-0700',
    '2026-11-20T09-15-00.000-0700',
  ])('fails when %j does not have the run id shape', (id) => {
    expect(parseRunId(id)).toEqual({
      ok: false,
      issues: [`run id: ${JSON.stringify(id)} does not have the shape YYYY-MM-DDTHH-mm-ss-0700`],
    });
  });

  it.each([
    ['2026-11-20T09-15-00-0600', '-0600'],
    ['2026-11-20T16-15-00+0000', '+0000'],
    ['2026-11-20T09-15-00+0700', '+0700'],
  ])('fails when %s has offset %s', (id, offset) => {
    expect(parseRunId(id)).toEqual({
      ok: false,
      issues: [`run id: "${id}" has offset ${offset}, expected -0700 (Phoenix)`],
    });
  });

  it.each([
    '2026-02-29T09-15-00-0700',
    '2026-13-01T09-15-00-0700',
    '2026-00-10T09-15-00-0700',
    '2026-04-31T09-15-00-0700',
    '2026-11-20T24-00-00-0700',
    '2026-11-20T09-60-00-0700',
    '2026-11-20T09-15-60-0700',
  ])('fails when %s names a date or time that does not exist', (id) => {
    expect(parseRunId(id)).toEqual({
      ok: false,
      issues: [`run id: "${id}" names a date or time that does not exist`],
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseRunId('2028-02-29T23-59-59-0700').ok).toBe(true);
  });

  it('round-trips any second-precision instant from 2000 to 2100', () => {
    const instants = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000));
    fc.assert(
      fc.property(instants, (instant) => {
        const id = formatRunId(instant);
        const parsed = parseRunId(id);
        expect(RUN_ID_PATTERN.test(id)).toBe(true);
        expect(parsed.ok && parsed.value.toMillis()).toBe(instant.getTime());
        expect(parsed.ok && formatRunId(parsed.value)).toBe(id);
      }),
      { numRuns: 500 },
    );
  });
});
