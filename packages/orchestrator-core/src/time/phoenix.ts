import { DateTime, FixedOffsetZone } from 'luxon';
import type { Clock } from './clock';

/** rc's one time zone: UTC-7 all year, no daylight saving time. */
export const PHOENIX_ZONE = 'America/Phoenix';

/**
 * Phoenix as the fixed UTC-7 offset it has been since 1968. Same instants, same output as the
 * IANA zone (a property test holds them equal), without the first-use cost of Intl's time-zone
 * data, which dominated a short `rc` run.
 */
export const PHOENIX_OFFSET_ZONE = FixedOffsetZone.instance(-7 * 60);

/**
 * Options for every DateTime rc creates: Phoenix time and a fixed locale, so output never
 * depends on the machine's locale (and luxon need not ask Intl for the system's).
 */
export const PHOENIX_DATETIME_OPTIONS = { zone: PHOENIX_OFFSET_ZONE, locale: 'en-US' } as const;

/** Any instant rc accepts: a JS Date, epoch milliseconds, or a luxon DateTime. */
export type Instant = Date | number | DateTime;

/** The instant as a luxon DateTime in Phoenix time. */
export function toPhoenix(instant: Instant): DateTime {
  const dt =
    instant instanceof Date
      ? DateTime.fromJSDate(instant, PHOENIX_DATETIME_OPTIONS)
      : typeof instant === 'number'
        ? DateTime.fromMillis(instant, PHOENIX_DATETIME_OPTIONS)
        : instant;
  return dt.setZone(PHOENIX_OFFSET_ZONE).setLocale(PHOENIX_DATETIME_OPTIONS.locale);
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
