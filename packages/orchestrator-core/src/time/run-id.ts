import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result';
import { PHOENIX_DATETIME_OPTIONS, PHOENIX_OFFSET_ZONE, toPhoenix, type Instant } from './phoenix';

/**
 * The exact shape of a run id, `YYYY-MM-DDTHH-mm-ss-0700`: Phoenix wall time to the second with
 * colons replaced by hyphens so the id is safe in file names, branch names and URLs. Anchored at
 * both ends and without the `g` flag, so `test` has no state between calls.
 */
export const RUN_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-0700$/;

// Same shape with any offset, so a wrong offset gets its own message rather than "bad shape".
const RUN_ID_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})([+-]\d{4})$/;

// Phoenix has been UTC-7 since 1968; pinning the offset keeps parse(format(x)) exact even for
// older instants where the zone database says otherwise.
const FIXED_OFFSET_ZONE = 'UTC-7';

/**
 * The run id for an instant: Phoenix wall time to the second, e.g. `2026-11-20T09-15-00-0700`.
 * Milliseconds are dropped. Throws a RangeError for an invalid instant, as formatPhoenix does.
 */
export function formatRunId(instant: Instant): string {
  const phoenix = toPhoenix(instant);
  if (!phoenix.isValid) throw new RangeError('formatRunId: invalid instant');
  return phoenix.setZone(FIXED_OFFSET_ZONE).toFormat("yyyy-MM-dd'T'HH-mm-ss'-0700'");
}

/**
 * Parses a run id back into the Phoenix instant it names. Strict: the text must match
 * {@link RUN_ID_PATTERN} exactly, name a real calendar date and time, and carry offset `-0700`.
 * Never throws.
 */
export function parseRunId(id: string): Result<DateTime> {
  const shown = JSON.stringify(id);
  const parts = RUN_ID_PARTS.exec(id);
  if (parts === null) {
    return fail(`run id: ${shown} does not have the shape YYYY-MM-DDTHH-mm-ss-0700`);
  }
  const [, year, month, day, hour, minute, second, offset] = parts;
  if (offset !== '-0700') {
    return fail(`run id: ${shown} has offset ${String(offset)}, expected -0700 (Phoenix)`);
  }
  const parsed = DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    },
    { zone: FIXED_OFFSET_ZONE, locale: PHOENIX_DATETIME_OPTIONS.locale },
  );
  // Luxon accepts hour 24 as midnight of the next day, so re-formatting is the strict check.
  if (!parsed.isValid || formatRunId(parsed) !== id) {
    return fail(`run id: ${shown} names a date or time that does not exist`);
  }
  return ok(parsed.setZone(PHOENIX_OFFSET_ZONE));
}
