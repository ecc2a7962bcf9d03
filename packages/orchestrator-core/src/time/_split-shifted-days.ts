import { fail, ok, type Result } from '../result';
import type { CronField, CronFields } from './_cron-fields';
import { cronMatchesDay } from './_cron-matches';

// February counts 29: every month length below is the longest the month can have.
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);
const WEEKDAYS = range(0, 6);
const ALL_DAYS: CronField = { values: range(1, 31), star: true };
const ALL_WEEKDAYS: CronField = { values: WEEKDAYS, star: true };

interface CalendarDate {
  readonly month: number;
  readonly day: number;
}

// The dates `delta` days from `date`: two when that depends on whether February has 29 days.
function neighbours({ month, day }: CalendarDate, delta: 1 | -1): CalendarDate[] {
  const next = (month % 12) + 1;
  const previous = ((month + 10) % 12) + 1;
  if (delta === 1) {
    if (month === 2 && day === 28)
      return [
        { month: 2, day: 29 },
        { month: 3, day: 1 },
      ];
    return day === MONTH_LENGTHS[month - 1] ? [{ month: next, day: 1 }] : [{ month, day: day + 1 }];
  }
  if (day > 1) return [{ month, day: day - 1 }];
  return previous === 2
    ? [
        { month: 2, day: 28 },
        { month: 2, day: 29 },
      ]
    : [{ month: previous, day: MONTH_LENGTHS[previous - 1] ?? 31 }];
}

/** Which weekdays each day of one month is a run day on, once runs move. */
type MonthRuns = readonly (readonly boolean[])[];

function describeDay(month: number, day: number): string {
  return `${MONTH_NAMES[month - 1] ?? month} ${day}`;
}

// The target's run days per month, or why they depend on the year.
function movedRuns(fields: CronFields, delta: 1 | -1, hours: string): Result<MonthRuns[]> {
  const months: MonthRuns[] = [];
  for (const month of range(1, 12)) {
    const days: boolean[][] = [];
    for (const day of range(1, MONTH_LENGTHS[month - 1] ?? 31)) {
      const weekdays: boolean[] = [];
      for (const weekday of WEEKDAYS) {
        const sources = neighbours({ month, day }, delta === 1 ? -1 : 1).map((source) =>
          cronMatchesDay(fields, { ...source, weekday: (weekday - delta + 7) % 7 }),
        );
        if (new Set(sources).size > 1) {
          return fail(
            `cron: no exact conversion because ${hours}: whether a run lands on ${describeDay(month, day)} depends on whether February has 29 days, which cron cannot express`,
          );
        }
        weekdays.push(sources[0] ?? false);
      }
      days.push(weekdays);
    }
    months.push(days);
  }
  return ok(months);
}

interface DaySplit {
  readonly days: readonly number[];
  readonly weekdays: readonly number[];
}

// Cron can only say "these days of the month" or "these weekdays" within a set of months, so a
// month's run days must be every weekday of some days plus every day of some weekdays.
function splitMonth(runs: MonthRuns, month: number, hours: string): Result<DaySplit> {
  const days = runs.flatMap((weekdays, index) => (weekdays.every(Boolean) ? [index + 1] : []));
  const weekdays = WEEKDAYS.filter((weekday) => runs.every((day) => day[weekday] === true));
  for (const [index, day] of runs.entries()) {
    const weekday = WEEKDAYS.find((w) => day[w] === true && !weekdays.includes(w));
    if (weekday !== undefined && !days.includes(index + 1)) {
      const date = describeDay(month, index + 1);
      return fail(
        `cron: no exact conversion because ${hours}: runs would land on ${date} when it is a ${WEEKDAY_NAMES[weekday] ?? weekday}, but not on every ${date} nor on every ${WEEKDAY_NAMES[weekday] ?? weekday} in ${MONTH_NAMES[month - 1] ?? month}`,
      );
    }
  }
  const length = runs.length;
  // Days a month never has are free to add; adding them lets a month ending in runs share a
  // range, and a month of runs on every day print as `*`.
  const padded = days.includes(length) ? [...days, ...range(length + 1, 31)] : days;
  return ok({ days: padded, weekdays });
}

function dayFields(split: DaySplit): Pick<CronFields, 'dayOfMonth' | 'dayOfWeek'> {
  const { days, weekdays } = split;
  if (days.length === 31 || weekdays.length === 7) {
    return { dayOfMonth: ALL_DAYS, dayOfWeek: ALL_WEEKDAYS };
  }
  return {
    dayOfMonth: days.length === 0 ? ALL_DAYS : { values: days, star: false },
    dayOfWeek: weekdays.length === 0 ? ALL_WEEKDAYS : { values: weekdays, star: false },
  };
}

/**
 * Moves the day fields of `fields` one day later (`delta` 1) or earlier (-1) for hours that cross
 * midnight, as one expression per group of months whose runs fall on the same days. Exact for
 * every expression that has an exact answer: fails, naming a day, when the moved runs depend on
 * the year (February's length) or fall on days cron cannot list. An empty list means it never
 * fires. Hours and minutes are left for the caller to set.
 */
export function splitShiftedDays(fields: CronFields, delta: 1 | -1): Result<CronFields[]> {
  const hours = `hours ${fields.hour.values.join(',')} cross midnight`;
  const runs = movedRuns(fields, delta, hours);
  if (!runs.ok) return runs;
  const groups = new Map<string, { split: DaySplit; months: number[] }>();
  for (const [index, monthRuns] of runs.value.entries()) {
    const split = splitMonth(monthRuns, index + 1, hours);
    if (!split.ok) return split;
    if (split.value.days.length === 0 && split.value.weekdays.length === 0) continue;
    const key = JSON.stringify(split.value);
    const group = groups.get(key) ?? { split: split.value, months: [] };
    group.months.push(index + 1);
    groups.set(key, group);
  }
  return ok(
    [...groups.values()].map(({ split, months }) => ({
      ...fields,
      ...dayFields(split),
      month: { values: months, star: false },
    })),
  );
}
