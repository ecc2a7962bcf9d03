import type { CronFields } from './_cron-fields';

/** A calendar day as cron sees it. */
export interface CronDay {
  /** 1-12. */
  readonly month: number;
  /** Day of the month, 1-31. */
  readonly day: number;
  /** 0-6, Sunday 0. */
  readonly weekday: number;
}

/** A wall-clock minute as cron sees it, in whatever zone the expression is read in. */
export interface CronMoment extends CronDay {
  readonly hour: number;
  readonly minute: number;
}

/**
 * Whether the expression allows this day. Follows Vixie cron: when day-of-month or day-of-week
 * was written starting with `*` both must match, otherwise either one is enough.
 */
export function cronMatchesDay(fields: CronFields, day: CronDay): boolean {
  if (!fields.month.values.includes(day.month)) return false;
  const dayOfMonth = fields.dayOfMonth.values.includes(day.day);
  const dayOfWeek = fields.dayOfWeek.values.includes(day.weekday);
  return fields.dayOfMonth.star || fields.dayOfWeek.star
    ? dayOfMonth && dayOfWeek
    : dayOfMonth || dayOfWeek;
}

/** Whether the expression fires at this wall-clock minute. */
export function cronMatches(fields: CronFields, moment: CronMoment): boolean {
  return (
    fields.minute.values.includes(moment.minute) &&
    fields.hour.values.includes(moment.hour) &&
    cronMatchesDay(fields, moment)
  );
}
