import { toPhoenix, WEEK_DAYS, type ChangeWindow } from '@rc/orchestrator-core';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * True when `now` (read as Phoenix wall time) falls in the window. A window whose end is not after
 * its start runs past midnight, and then `days` names the day it starts on.
 */
export function inChangeWindow(window: ChangeWindow, now: Date): boolean {
  const local = toPhoenix(now);
  const day = WEEK_DAYS[local.weekday - 1];
  const yesterday = WEEK_DAYS[(local.weekday + 5) % 7];
  const at = local.hour * 60 + local.minute;
  const start = minutes(window.start);
  const end = minutes(window.end);
  const on = (d: (typeof WEEK_DAYS)[number] | undefined) =>
    d !== undefined && window.days.includes(d);
  if (start < end) return on(day) && at >= start && at < end;
  return (on(day) && at >= start) || (on(yesterday) && at < end);
}
