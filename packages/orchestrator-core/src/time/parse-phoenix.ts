import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result';
import { PHOENIX_DATETIME_OPTIONS } from './phoenix';

// Luxon also accepts time-only text ("09:15") and fills in today's date from the real clock;
// requiring a calendar date up front keeps parsing pure.
const STARTS_WITH_DATE = /^\d{4}-?\d{2}-?\d{2}(?:T|$)/;

/**
 * Parses an ISO-8601 timestamp into Phoenix time.
 *
 * Text with an offset or `Z` names an exact instant and is converted to Phoenix time; text without
 * one is read as Phoenix wall time. The text must start with a calendar date (`2026-11-20` or
 * `20261120`), optionally followed by `T` and a time. Never throws.
 *
 * @example parsePhoenix('2026-11-20T16:15:00Z') // ok: 2026-11-20T09:15:00.000-07:00
 */
export function parsePhoenix(text: string): Result<DateTime> {
  const shown = JSON.stringify(text);
  if (!STARTS_WITH_DATE.test(text)) return fail(`time: ${shown} is not an ISO-8601 timestamp`);
  const parsed = DateTime.fromISO(text, PHOENIX_DATETIME_OPTIONS);
  if (parsed.isValid) return ok(parsed);
  if (parsed.invalidReason === 'unit out of range') {
    return fail(`time: ${shown} names a date or time that does not exist`);
  }
  return fail(`time: ${shown} is not an ISO-8601 timestamp`);
}
