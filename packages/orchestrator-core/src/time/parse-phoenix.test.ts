import { describe, expect, it } from 'vitest';
import { parsePhoenix } from './parse-phoenix';

describe('parsePhoenix', () => {
  it.each([
    ['2026-11-20T16:15:00Z', '2026-11-20T09:15:00.000-07:00'],
    ['2026-11-20T16:15:00.250Z', '2026-11-20T09:15:00.250-07:00'],
    ['2026-11-20T16:15:00+00:00', '2026-11-20T09:15:00.000-07:00'],
    ['2026-11-20T21:45:00+05:30', '2026-11-20T09:15:00.000-07:00'],
    ['2026-07-04T12:00:00-04:00', '2026-07-04T09:00:00.000-07:00'],
    ['2026-11-21T02:00:00Z', '2026-11-20T19:00:00.000-07:00'],
    ['20261120T161500Z', '2026-11-20T09:15:00.000-07:00'],
  ])('converts %s, which carries an offset, to Phoenix time', (text, expected) => {
    const result = parsePhoenix(text);
    expect(result.ok && result.value.toISO()).toBe(expected);
  });

  it.each([
    ['2026-11-20T09:15', '2026-11-20T09:15:00.000-07:00'],
    ['2026-11-20T09:15:30.5', '2026-11-20T09:15:30.500-07:00'],
    ['2026-07-04T23:59:59', '2026-07-04T23:59:59.000-07:00'],
    ['2026-11-20', '2026-11-20T00:00:00.000-07:00'],
    ['20261120', '2026-11-20T00:00:00.000-07:00'],
  ])('reads %s, which has no offset, as Phoenix wall time', (text, expected) => {
    const result = parsePhoenix(text);
    expect(result.ok && result.value.toISO()).toBe(expected);
  });

  it('returns a DateTime in the Phoenix zone when the input was UTC', () => {
    const result = parsePhoenix('2026-11-20T16:15:00Z');
    expect(result.ok && [result.value.zoneName, result.value.offset]).toEqual(['UTC-7', -420]);
    expect(result.ok && result.value.toMillis()).toBe(Date.UTC(2026, 10, 20, 16, 15));
  });

  it.each([
    'xyz',
    '',
    ' 2026-11-20T09:15',
    '2026-11-20 09:15',
    '09:15',
    '09:15Z',
    '2026-11',
    '2026-W47-5',
    '2026-11-20T9:15',
    '2026-11-20Tnoon',
    '1763655300000',
  ])('fails when %j is not an ISO-8601 timestamp', (text) => {
    expect(parsePhoenix(text)).toEqual({
      ok: false,
      issues: [`time: ${JSON.stringify(text)} is not an ISO-8601 timestamp`],
    });
  });

  it.each(['2026-02-30T00:00', '2026-13-01', '2026-11-20T25:00', '2026-11-20T09:61'])(
    'fails when %s names a date or time that does not exist',
    (text) => {
      expect(parsePhoenix(text)).toEqual({
        ok: false,
        issues: [`time: "${text}" names a date or time that does not exist`],
      });
    },
  );
});
