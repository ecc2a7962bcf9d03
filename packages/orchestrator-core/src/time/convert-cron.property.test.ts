import { Cron } from 'croner';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { convertCron, type CronZone } from './convert-cron';

// Croner (https://github.com/hexagon/croner) is the oracle: an independent cron implementation
// enumerates every run of the source and of the converted expressions, so nothing here reuses
// rc's parser, matcher or calendar. Thousands of runs per schedule make this CPU-bound: a loaded
// CI machine needs more than the default 20 s, and nothing waits on a clock.
const CPU_BOUND_TIMEOUT = 300_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

// Phoenix has kept UTC-7 all year since 1968; the test below checks that against the tz database.
const OFFSET_MINUTES: Readonly<Record<CronZone, number>> = { 'America/Phoenix': -420, UTC: 0 };

function cron(expression: string, zone: CronZone): Cron {
  // sloppyRanges lets croner read `a/n` as rc and cronie do: a, a+n, ... to the end of the field.
  return new Cron(expression, {
    utcOffset: OFFSET_MINUTES[zone],
    paused: true,
    sloppyRanges: true,
  });
}

/** Every run of the expressions in [from, to), as epoch milliseconds, ascending. */
function runsOf(
  expressions: readonly string[],
  zone: CronZone,
  from: number,
  to: number,
): number[] {
  const runs = new Set<number>();
  for (const expression of expressions) {
    const job = cron(expression, zone);
    for (let run = job.nextRun(new Date(from - MINUTE_MS)); run !== null; run = job.nextRun(run)) {
      if (run.getTime() >= to) break;
      runs.add(run.getTime());
    }
  }
  return [...runs].sort((a, b) => a - b);
}

/** The calendar day an instant falls on in a zone, as cron sees it: month/day/weekday. */
function dayIn(instant: number, zone: CronZone): string {
  const wall = new Date(instant + OFFSET_MINUTES[zone] * MINUTE_MS);
  return `${wall.getUTCMonth() + 1}/${wall.getUTCDate()}/${wall.getUTCDay()}`;
}

/**
 * Whether some set of cron expressions in `to` fires exactly when `expression` does, decided from
 * croner's runs over 2001-2028, a span in which every date falls on every weekday (29 February
 * included). A cron expression's days are "these days of the month or these weekdays, in these
 * months"; so within each month the target's run days must be every weekday of some dates plus
 * every date of some weekdays, and a calendar day (month, date, weekday) must run in every year or
 * in none. Only hours that cross midnight can break that, and all of them land on the same days,
 * so one crossing run's minute and hour stand for all of them.
 */
function hasExactAnswer(expression: string, from: CronZone, to: CronZone): boolean {
  const start = Date.UTC(2001, 0, 1);
  const job = cron(expression, from);
  const shiftMs = (OFFSET_MINUTES[to] - OFFSET_MINUTES[from]) * MINUTE_MS;
  let crossing: number | undefined;
  for (let run = job.nextRun(new Date(start)); run !== null; run = job.nextRun(run)) {
    if (run.getTime() >= Date.UTC(2029, 0, 1)) break;
    const wall = new Date(run.getTime() + OFFSET_MINUTES[from] * MINUTE_MS);
    if (wall.getUTCDate() !== new Date(wall.getTime() + shiftMs).getUTCDate()) {
      crossing = wall.getUTCHours() * 60 + wall.getUTCMinutes();
      break;
    }
  }
  if (crossing === undefined) return true;
  const seen = new Map<string, Set<boolean>>();
  const firstDay = start - OFFSET_MINUTES[from] * MINUTE_MS + crossing * MINUTE_MS;
  for (let instant = firstDay; instant < Date.UTC(2029, 0, 1); instant += DAY_MS) {
    const key = dayIn(instant, to);
    const fires = seen.get(key) ?? new Set<boolean>();
    fires.add(job.match(new Date(instant)));
    seen.set(key, fires);
  }
  const runs = (key: string): boolean => seen.get(key)?.has(true) ?? false;
  if ([...seen.values()].some((fires) => fires.size > 1)) return false;
  const keys = [...seen.keys()].map((key) => key.split('/').map(Number));
  return keys.every(([month, date, weekday]) => {
    if (!runs(`${month}/${date}/${weekday}`)) return true;
    const inMonth = keys.filter(([m]) => m === month);
    const everyWeekday = inMonth
      .filter(([, d]) => d === date)
      .every(([m, d, w]) => runs(`${m}/${d}/${w}`));
    const everyDate = inMonth
      .filter(([, , w]) => w === weekday)
      .every(([m, d, w]) => runs(`${m}/${d}/${w}`));
    return everyWeekday || everyDate;
  });
}

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

// One comma-separated item of a field, in every syntax rc reads: values, names, ranges, steps.
function item(min: number, max: number, names: readonly string[] = []): fc.Arbitrary<string> {
  const value = fc.integer({ min, max });
  // Croner refuses steps longer than the field.
  const step = (low: number) => fc.integer({ min: low, max: Math.min(12, max - min) });
  const named = names.length > 0 ? fc.constantFrom(...names) : value.map(String);
  return fc.oneof(
    { weight: 4, arbitrary: value.map(String) },
    { weight: 1, arbitrary: named },
    {
      weight: 2,
      arbitrary: fc.tuple(value, value).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(value, value, step(1))
        .map(([a, b, step]) => `${Math.min(a, b)}-${Math.max(a, b)}/${step}`),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min, max: max - 1 }), step(2)).map(([a, n]) => `${a}/${n}`),
    },
  );
}

const list = (items: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(items, { minLength: 1, maxLength }).map((parts) => parts.join(','));

// Month ends, where conversions go wrong, are weighted up.
const monthEndDay = fc.oneof(fc.integer({ min: 1, max: 31 }), pick(1, 2, 27, 28, 29, 30, 31));

const expressions = fc
  .record({
    minute: fc.oneof(fc.integer({ min: 0, max: 59 }).map(String), pick('0,30', '*/20', '5/30')),
    hour: fc.oneof(
      { weight: 6, arbitrary: list(item(0, 23), 3) },
      { weight: 1, arbitrary: pick('*', '*/5', '16-23') },
    ),
    dayOfMonth: fc.oneof(
      { weight: 3, arbitrary: pick('*') },
      { weight: 3, arbitrary: list(monthEndDay.map(String), 3) },
      { weight: 2, arbitrary: list(item(1, 31), 2) },
      { weight: 1, arbitrary: pick('*/3', '1-31') },
    ),
    month: fc.oneof(
      { weight: 2, arbitrary: pick('*') },
      { weight: 2, arbitrary: list(item(1, 12, ['jan', 'FEB', 'Mar', 'dec']), 2) },
    ),
    dayOfWeek: fc.oneof(
      { weight: 3, arbitrary: pick('*') },
      { weight: 2, arbitrary: list(item(0, 7, ['sun', 'MON', 'Sat']), 2) },
      { weight: 1, arbitrary: pick('0-6', '*/2') },
    ),
  })
  .map(({ minute, hour, dayOfMonth, month, dayOfWeek }) =>
    [minute, hour, dayOfMonth, month, dayOfWeek].join(' '),
  );

const STEP_MIX = 'mix a "*/n" step with a restricted day';

const DIRECTIONS: readonly (readonly [CronZone, CronZone])[] = [
  ['America/Phoenix', 'UTC'],
  ['UTC', 'America/Phoenix'],
];

describe('convertCron (against croner)', () => {
  it('uses the offset the tz database gives Phoenix', () => {
    for (const year of [1970, 2001, 2026, 2099]) {
      for (const month of [1, 7]) {
        expect(DateTime.fromObject({ year, month }, { zone: 'America/Phoenix' }).offset).toBe(-420);
      }
    }
  });

  it.each(DIRECTIONS)(
    'converts from %s to %s exactly: every run in a year matches, and it refuses only expressions with no exact answer',
    (from, to) => {
      const tally = { converted: 0, refused: 0 };
      fc.assert(
        fc.property(expressions, fc.integer({ min: 2001, max: 2099 }), (expression, year) => {
          const converted = convertCron(expression, { from, to });
          if (!converted.ok) {
            // Vixie and croner disagree on such expressions, so croner cannot judge them.
            if (converted.issues.some((issue) => issue.includes(STEP_MIX))) return;
            tally.refused += 1;
            expect(hasExactAnswer(expression, from, to), converted.issues.join('\n')).toBe(false);
            return;
          }
          tally.converted += 1;
          const [start, end] = [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
          expect(runsOf(converted.value, to, start, end)).toEqual(
            runsOf([expression], from, start, end),
          );
        }),
        { seed: 1818 + from.length, numRuns: 250 },
      );
      expect(tally.converted).toBeGreaterThan(150);
      expect(tally.refused).toBeGreaterThan(10);
    },
    CPU_BOUND_TIMEOUT,
  );

  it.each([
    '0 20 * 1 *',
    '0 20 * 1-6 *',
    '0 20 * 12 *',
    '0 20 * 2-11 *',
    '30 18 31 * *',
    '0 23 31 12 *',
    '0 20 15-31 * *',
    '0 20 31 * 0-6',
    '0/15 * * * *',
    '@daily',
    '@hourly',
    '@weekly',
    '@monthly',
    '@yearly',
  ])(
    'converts Phoenix %j to UTC with the same runs over a leap year and the next',
    (expression) => {
      const converted = convertCron(expression, { from: 'America/Phoenix', to: 'UTC' });
      expect(converted.ok).toBe(true);
      const [start, end] = [Date.UTC(2027, 11, 1), Date.UTC(2029, 1, 1)];
      expect(runsOf(converted.ok ? converted.value : [], 'UTC', start, end)).toEqual(
        runsOf([expression], 'America/Phoenix', start, end),
      );
    },
  );

  it('converts UTC "0 5 1 * 0-6", which fires every day, to Phoenix every day', () => {
    expect(convertCron('0 5 1 * 0-6', { from: 'UTC', to: 'America/Phoenix' })).toEqual({
      ok: true,
      value: ['0 22 * * *'],
    });
  });
});
