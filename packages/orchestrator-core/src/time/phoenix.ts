import { DateTime } from 'luxon';
import type { Clock } from './clock';

/** rc's one time zone: UTC-7 all year, no daylight saving time. */
export const PHOENIX_ZONE = 'America/Phoenix';

/** Any instant rc accepts: a JS Date, epoch milliseconds, or a luxon DateTime. */
export type Instant = Date | number | DateTime;

/** The instant as a luxon DateTime in Phoenix time. */
export function toPhoenix(instant: Instant): DateTime {
  const dt =
    instant instanceof Date
      ? DateTime.fromJSDate(instant)
      : typeof instant === 'number'
        ? DateTime.fromMillis(instant)
        : instant;
  return dt.setZone(PHOENIX_ZONE);
}

/** The current instant in Phoenix time, read from the clock passed in. */
export function phoenixNow(clock: Clock): DateTime {
  return toPhoenix(clock());
}

/** ISO-8601 with milliseconds and offset in Phoenix time: `2026-11-20T09:15:00.000-07:00`. */
export function formatPhoenix(instant: Instant): string {
  const iso = toPhoenix(instant).toISO({ suppressMilliseconds: false, includeOffset: true });
  if (iso === null) throw new RangeError('formatPhoenix: invalid instant');
  return iso;
}
