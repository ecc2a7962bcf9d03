import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCronFields, type CronFields } from './_cron-fields';
import { cronMatches, type CronMoment } from './_cron-matches';
import { convertCron, type CronZone } from './convert-cron';

// Thousands of generated schedules each: CPU-bound, so a loaded CI machine needs more than the
// default 20 s; nothing here waits on a clock.
const CPU_BOUND_TIMEOUT = 180_000;

interface Spec {
  readonly minutes: readonly number[];
  readonly hours: readonly number[] | '*';
  readonly daysOfMonth: readonly number[] | '*';
  readonly months: readonly number[] | '*';
  readonly daysOfWeek: readonly number[] | '*';
}

const list = (min: number, max: number, maxLength: number) =>
  fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength });
const orStar = <T>(values: fc.Arbitrary<T>) => fc.oneof(fc.constant('*' as const), values);

const text = (spec: Spec): string =>
  [spec.minutes, spec.hours, spec.daysOfMonth, spec.months, spec.daysOfWeek]
    .map((field) => (field === '*' ? '*' : field.join(',')))
    .join(' ');

// Wall-clock times in the source zone, biased towards the expression's own hours and minutes
// and towards month ends, so that matches (and month-boundary mistakes) are common.
const wallTime = fc.record({
  year: fc.integer({ min: 2000, max: 2100 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(1, 28, 29, 30, 31)),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  aligned: fc.boolean(),
  pick: fc.nat(),
});

type WallTime = typeof wallTime extends fc.Arbitrary<infer W> ? W : never;

function instantFor(spec: Spec, wall: WallTime, zone: CronZone): DateTime {
  const pickFrom = (values: readonly number[] | '*', fallback: number) =>
    wall.aligned && values !== '*' ? (values[wall.pick % values.length] ?? fallback) : fallback;
  const monthStart = DateTime.fromObject({ year: wall.year, month: wall.month }, { zone });
  return monthStart.set({
    day: Math.min(wall.day, monthStart.daysInMonth ?? 28),
    hour: pickFrom(spec.hours, wall.hour),
    minute: pickFrom(spec.minutes, wall.minute),
  });
}

function momentIn(instant: DateTime, zone: CronZone): CronMoment {
  const wall = instant.setZone(zone);
  return {
    month: wall.month,
    day: wall.day,
    weekday: wall.weekday % 7,
    hour: wall.hour,
    minute: wall.minute,
  };
}

function fieldsOf(expression: string): CronFields {
  const parsed = parseCronFields(expression);
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.value;
}

// The converted expressions must fire at exactly the instants the original fires at.
function firesAtSameInstants(
  spec: Spec,
  converted: readonly string[],
  instant: DateTime,
  from: CronZone,
  to: CronZone,
): boolean {
  const before = cronMatches(fieldsOf(text(spec)), momentIn(instant, from));
  const after = converted.some((expression) =>
    cronMatches(fieldsOf(expression), momentIn(instant, to)),
  );
  return before === after;
}

const DIRECTIONS: readonly (readonly [CronZone, CronZone])[] = [
  ['America/Phoenix', 'UTC'],
  ['UTC', 'America/Phoenix'],
];

describe('convertCron (properties)', () => {
  it.each(DIRECTIONS)(
    'fires at the same instants from %s to %s when day-of-month is * or 2-27',
    (from, to) => {
      const specs = fc.record({
        minutes: list(0, 59, 4),
        hours: orStar(list(0, 23, 6)),
        daysOfMonth: fc.oneof(fc.constant('*' as const), fc.constant('*' as const), list(2, 27, 4)),
        months: fc.constant('*' as const),
        daysOfWeek: orStar(list(0, 7, 4)),
      });
      fc.assert(
        fc.property(
          specs,
          wallTime,
          fc.date({
            min: new Date('2000-01-01Z'),
            max: new Date('2100-12-31Z'),
            noInvalidDate: true,
          }),
          (spec, wall, random) => {
            const converted = convertCron(text(spec), { from, to });
            expect(converted.ok).toBe(true);
            const value = converted.ok ? converted.value : [];
            expect(value.length).toBeLessThanOrEqual(2);
            expect(firesAtSameInstants(spec, value, instantFor(spec, wall, from), from, to)).toBe(
              true,
            );
            expect(firesAtSameInstants(spec, value, DateTime.fromJSDate(random), from, to)).toBe(
              true,
            );
          },
        ),
        { numRuns: 3000 },
      );
    },
    CPU_BOUND_TIMEOUT,
  );

  it.each(DIRECTIONS)(
    'is exact whenever it succeeds from %s to %s with any days and months',
    (from, to) => {
      const specs = fc.record({
        minutes: list(0, 59, 3),
        hours: orStar(list(0, 23, 6)),
        daysOfMonth: orStar(list(1, 31, 5)),
        months: orStar(list(1, 12, 6)),
        daysOfWeek: orStar(list(0, 7, 3)),
      });
      let successes = 0;
      fc.assert(
        fc.property(specs, wallTime, (spec, wall) => {
          const converted = convertCron(text(spec), { from, to });
          if (!converted.ok) return;
          successes += 1;
          expect(
            firesAtSameInstants(spec, converted.value, instantFor(spec, wall, from), from, to),
          ).toBe(true);
        }),
        { numRuns: 5000 },
      );
      expect(successes).toBeGreaterThan(500);
    },
    CPU_BOUND_TIMEOUT,
  );
});
