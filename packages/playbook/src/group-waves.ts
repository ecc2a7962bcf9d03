import type { PlaybookSchedule, ScheduledTask } from './schedule-tasks';

/** Tasks that start together, for display. */
export interface ScheduleWave {
  /** 1-based wave number. */
  wave: number;
  start: number;
  entries: ScheduledTask[];
}

/**
 * The grouped view of a schedule: tasks that start at the same moment form a wave. Unlike
 * barrier waves, a wave does not wait for the previous one to finish; it is only a display.
 */
export function groupWaves(schedule: PlaybookSchedule): ScheduleWave[] {
  const waves: ScheduleWave[] = [];
  for (const entry of schedule.entries) {
    const last = waves[waves.length - 1];
    if (last !== undefined && last.start === entry.start) last.entries.push(entry);
    else waves.push({ wave: waves.length + 1, start: entry.start, entries: [entry] });
  }
  return waves;
}
