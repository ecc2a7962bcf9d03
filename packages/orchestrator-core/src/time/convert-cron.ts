import { fail, ok, type Result } from '../result';
import {
  formatCronFields,
  isWildcardField,
  parseCronFields,
  type CronField,
  type CronFields,
} from './_cron-fields';
import { shiftCronDays } from './_shift-cron-days';
import { splitShiftedDays } from './_split-shifted-days';
import { PHOENIX_ZONE } from './phoenix';

/** A zone convertCron can read or write cron expressions in; both have fixed offsets. */
export type CronZone = typeof PHOENIX_ZONE | 'UTC';

/** Where a cron expression comes from and where it is going. */
export interface ConvertCronOptions {
  /** The zone the expression's wall-clock times are written in. */
  readonly from: CronZone;
  /** The zone to rewrite it for; GitHub Actions `schedule` runs in `UTC`. */
  readonly to: CronZone;
}

const UTC_OFFSET_HOURS: Readonly<Record<CronZone, number>> = { [PHOENIX_ZONE]: -7, UTC: 0 };

// Printing normalises `*/2` to a list, which would turn Vixie's day-of-month AND day-of-week
// into OR; refuse instead of silently changing when the expression fires.
function normaliseDayStars(fields: CronFields): Result<CronFields> {
  const { dayOfMonth, dayOfWeek } = fields;
  const wildDom = isWildcardField(dayOfMonth, 'dayOfMonth');
  const wildDow = isWildcardField(dayOfWeek, 'dayOfWeek');
  if ((dayOfMonth.star || dayOfWeek.star) && !wildDom && !wildDow) {
    return fail(
      'cron: fields "day-of-month" and "day-of-week" mix a "*/n" step with a restricted day; cron implementations disagree on whether both or either must match, so write the stepped field as a list',
    );
  }
  return ok({
    ...fields,
    dayOfMonth: { ...dayOfMonth, star: wildDom },
    dayOfWeek: { ...dayOfWeek, star: wildDow },
  });
}

function hourField(values: readonly number[]): CronField {
  return { values: [...values].sort((a, b) => a - b), star: false };
}

/**
 * Rewrites a standard five-field cron expression from one zone's wall clock to another's.
 *
 * Hours move by the offset between the zones (7 between Phoenix and UTC). Hours that cross
 * midnight also move day-of-week and day-of-month by one day, so the answer is one expression, or
 * more when only some hours cross (the hours that stay on the same day first) or when the moved
 * days differ by month (`30 18 31 * *` becomes `30 1 1 1,2,4,6,8,9,11 *`). Exact whenever an exact
 * answer exists; fails, naming the day, when none does (runs that depend on February's length, or
 * that land on some but not all of a date and a weekday) or the expression is invalid. Reads the
 * five fields with `a/n` steps, and the shorthands `@yearly` ... `@hourly`. Output is normalised:
 * `*` for wildcards, otherwise ascending numbers with runs of three or more written `a-b`. Never
 * throws.
 *
 * @example convertCron('0 9 * * 1-5', { from: 'America/Phoenix', to: 'UTC' }) // ok: ['0 16 * * 1-5']
 */
export function convertCron(expression: string, options: ConvertCronOptions): Result<string[]> {
  const zones = [options.from, options.to].filter((zone) => !Object.hasOwn(UTC_OFFSET_HOURS, zone));
  if (zones.length > 0) {
    return fail(
      ...zones.map((zone) => `cron: zone ${JSON.stringify(zone)} is not ${PHOENIX_ZONE} or UTC`),
    );
  }
  const parsed = parseCronFields(expression);
  const normalised = parsed.ok ? normaliseDayStars(parsed.value) : parsed;
  if (!normalised.ok) return normalised;
  const fields = normalised.value;
  const shift = UTC_OFFSET_HOURS[options.to] - UTC_OFFSET_HOURS[options.from];
  const sameDay = { from: [] as number[], to: [] as number[] };
  const otherDay = { from: [] as number[], to: [] as number[] };
  for (const hour of fields.hour.values) {
    const moved = hour + shift;
    const group = moved >= 0 && moved < 24 ? sameDay : otherDay;
    group.from.push(hour);
    group.to.push((moved + 24) % 24);
  }
  const sameDayText = formatCronFields({ ...fields, hour: hourField(sameDay.to) });
  if (otherDay.from.length === 0) return ok([sameDayText]);
  const delta = shift > 0 ? 1 : -1;
  const crossing = { ...fields, hour: hourField(otherDay.from) };
  const shifted = shiftCronDays(crossing, delta);
  if (!shifted.ok)
    return splitDays(crossing, delta, sameDay.from.length > 0 ? [sameDayText] : [], otherDay.to);
  const otherDayText = formatCronFields({ ...shifted.value, hour: hourField(otherDay.to) });
  if (sameDay.from.length === 0) return ok([otherDayText]);
  // When the day fields survive the shift unchanged, one expression covers every hour.
  const merged = formatCronFields({ ...fields, hour: hourField([...sameDay.to, ...otherDay.to]) });
  const daysOf = (text: string): string => text.split(' ').slice(2).join(' ');
  return daysOf(sameDayText) === daysOf(otherDayText)
    ? ok([merged])
    : ok([sameDayText, otherDayText]);
}

// When one shifted expression cannot be exact, months whose runs land on different days get an
// expression each.
function splitDays(
  crossing: CronFields,
  delta: 1 | -1,
  sameDay: readonly string[],
  hours: readonly number[],
): Result<string[]> {
  const split = splitShiftedDays(crossing, delta);
  if (!split.ok) return split;
  const texts = split.value.map((days) => formatCronFields({ ...days, hour: hourField(hours) }));
  if (sameDay.length + texts.length === 0) {
    return fail(
      'cron: fields "day-of-month", "month" and "day-of-week" match no real day, so the expression never fires',
    );
  }
  return ok([...sameDay, ...texts]);
}
