import { fail, ok, type Result } from '../result';
import { isFullField, type CronField, type CronFields } from './_cron-fields';
import { cronMatchesDay, type CronDay } from './_cron-matches';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Every length each month can have; February's depends on the year.
const MONTH_LENGTHS = DAYS_IN_MONTH.map((days) => (days === 28 ? [28, 29] : [days]));

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

const EVERY_MONTH: CronField = { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], star: true };

interface MonthEnd {
  readonly last: CronDay;
  readonly first: CronDay;
}

// Every (last day of a month, first day of the next) pair the calendar produces: over the
// 400-year Gregorian cycle each month end, 29 February included, falls on every weekday.
const MONTH_ENDS: readonly MonthEnd[] = MONTH_LENGTHS.flatMap((lengths, index) =>
  lengths.flatMap((day) =>
    WEEKDAYS.map((weekday) => ({
      last: { month: index + 1, day, weekday },
      first: { month: ((index + 1) % 12) + 1, day: 1, weekday: (weekday + 1) % 7 },
    })),
  ),
);

function shiftField(
  field: CronField,
  delta: number,
  keep: (value: number) => number | null,
): CronField {
  const values = field.values
    .map((value) => keep(value + delta))
    .filter((v): v is number => v !== null);
  return { values: [...new Set(values)].sort((a, b) => a - b), star: field.star };
}

// Inside a month, "day d" one day later is "day d+1"; only month ends can break that, so
// comparing the source and shifted expressions across every month end proves the shift exact.
function findBrokenMonthEnd(
  source: CronFields,
  target: CronFields,
  delta: 1 | -1,
): MonthEnd | undefined {
  return MONTH_ENDS.find((end) => {
    const [from, to] = delta === 1 ? [end.last, end.first] : [end.first, end.last];
    return cronMatchesDay(source, from) !== cronMatchesDay(target, to);
  });
}

function withEveryMonth(fields: CronFields): CronFields {
  return { ...fields, month: EVERY_MONTH };
}

// Blames day-of-month when the shift breaks even with every month allowed, otherwise month.
function describeBreak(source: CronFields, target: CronFields, delta: 1 | -1): string {
  const hours = `hours ${source.hour.values.join(',')} cross midnight`;
  const end = findBrokenMonthEnd(withEveryMonth(source), withEveryMonth(target), delta);
  if (end === undefined) {
    const [from, to] =
      delta === 1
        ? ['last day of a month', '1st of the next']
        : ['1st', 'last day of the month before'];
    return `cron: field "month" cannot stay as written because ${hours}: a run on the ${from} would move to the ${to}`;
  }
  const startsOnFirst = delta === -1 && cronMatchesDay(withEveryMonth(source), end.first);
  const value = delta === 1 ? end.last.day : startsOnFirst ? 1 : end.last.day + 1;
  const towards = delta === 1 ? 'next' : 'previous';
  return `cron: field "day-of-month" value ${value} cannot move to the ${towards} day exactly because ${hours} and that day can be in another month`;
}

/**
 * Moves the day fields of `fields` one day later (`delta` 1) or earlier (-1), for hours that
 * cross midnight when converted. Fails, naming the field, when the result would not fire on
 * exactly the shifted days: a day-of-month next to a month boundary, or a restricted month that
 * runs would spill out of. Hours and minutes are left for the caller to set.
 */
export function shiftCronDays(fields: CronFields, delta: 1 | -1): Result<CronFields> {
  const { dayOfMonth, dayOfWeek } = fields;
  const shifted: CronFields = {
    ...fields,
    dayOfMonth: isFullField(dayOfMonth, 'dayOfMonth')
      ? dayOfMonth
      : shiftField(dayOfMonth, delta, (day) => (day >= 1 && day <= 31 ? day : null)),
    dayOfWeek: shiftField(dayOfWeek, delta, (weekday) => (weekday + 7) % 7),
  };
  if (findBrokenMonthEnd(fields, shifted, delta) !== undefined) {
    return fail(describeBreak(fields, shifted, delta));
  }
  if (shifted.dayOfMonth.values.length === 0) {
    return fail(
      `cron: field "day-of-month" has no days left after shifting, so the expression never fires`,
    );
  }
  return ok(shifted);
}
