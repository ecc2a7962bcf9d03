import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatPhoenix, PHOENIX_OFFSET_ZONE, phoenixNow, toPhoenix } from './phoenix';

const NOVEMBER_UTC = Date.UTC(2026, 10, 20, 16, 15);

describe('formatPhoenix', () => {
  it.each([
    ['2026-11-20T16:15:00Z', '2026-11-20T09:15:00.000-07:00'],
    ['2026-07-04T16:15:00Z', '2026-07-04T09:15:00.000-07:00'],
    ['2026-03-08T10:00:00Z', '2026-03-08T03:00:00.000-07:00'],
    ['2026-11-01T09:30:00Z', '2026-11-01T02:30:00.000-07:00'],
    ['2027-01-01T03:00:00.123Z', '2026-12-31T20:00:00.123-07:00'],
  ])('formats %s as %s, at -07:00 all year because Phoenix has no DST', (iso, expected) => {
    expect(formatPhoenix(new Date(iso))).toBe(expected);
  });

  it.each([
    ['a Date', new Date(NOVEMBER_UTC)],
    ['epoch milliseconds', NOVEMBER_UTC],
    ['a UTC DateTime', DateTime.fromMillis(NOVEMBER_UTC, { zone: 'UTC' })],
    ['a Tokyo DateTime', DateTime.fromMillis(NOVEMBER_UTC, { zone: 'Asia/Tokyo' })],
  ])('formats the same instant identically when given %s', (_label, instant) => {
    expect(formatPhoenix(instant)).toBe('2026-11-20T09:15:00.000-07:00');
  });

  it('throws a RangeError when the instant is invalid', () => {
    expect(() => formatPhoenix(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('toPhoenix', () => {
  it('keeps the instant and moves it to the Phoenix zone when given a UTC DateTime', () => {
    const phoenix = toPhoenix(DateTime.fromMillis(NOVEMBER_UTC, { zone: 'UTC' }));
    expect([phoenix.zoneName, phoenix.offset]).toEqual([PHOENIX_OFFSET_ZONE.name, -420]);
    expect(phoenix.toMillis()).toBe(NOVEMBER_UTC);
    expect(phoenix.hour).toBe(9);
  });

  it.each([
    ['January', Date.UTC(2026, 0, 15, 12)],
    ['July', Date.UTC(2026, 6, 15, 12)],
  ])('uses offset -420 minutes in %s', (_month, millis) => {
    expect(toPhoenix(millis).offset).toBe(-420);
  });
});

describe('phoenixNow', () => {
  it('reads the instant from the clock passed in', () => {
    const now = phoenixNow(() => new Date(NOVEMBER_UTC));
    expect(now.toISO()).toBe('2026-11-20T09:15:00.000-07:00');
    expect([now.zoneName, now.offset]).toEqual([PHOENIX_OFFSET_ZONE.name, -420]);
  });
});

describe('PHOENIX_OFFSET_ZONE', () => {
  it('gives the same wall time and offset as the IANA America/Phoenix zone', async () => {
    const { DateTime } = await import('luxon');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (millis) => {
          expect(formatPhoenix(millis)).toBe(
            DateTime.fromMillis(millis).setZone('America/Phoenix').toISO(),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
