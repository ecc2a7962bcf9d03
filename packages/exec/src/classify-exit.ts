/** How a command ended, from the caller's point of view. */
export const EXIT_OUTCOMES = [
  'success',
  'failure',
  'timeout',
  'idle_timeout',
  'killed',
  'not_found',
] as const;
export type ExitOutcome = (typeof EXIT_OUTCOMES)[number];

/** What is known when a process has ended. */
export interface ExitFacts {
  exitCode: number | null;
  signal: string | null;
  /** The spawn error code, e.g. `ENOENT` when the executable does not exist. */
  errorCode?: string | null;
  /** Why rc stopped it, when rc did. */
  stoppedBy?: 'timeout' | 'idle_timeout' | 'abort' | null;
}

/** Classifies an exit. Pure: rc's own reason to stop wins over the signal that did it. */
export function classifyExit(facts: ExitFacts): ExitOutcome {
  if (facts.errorCode === 'ENOENT' || facts.errorCode === 'EACCES') return 'not_found';
  if (facts.stoppedBy === 'timeout') return 'timeout';
  if (facts.stoppedBy === 'idle_timeout') return 'idle_timeout';
  if (facts.stoppedBy === 'abort' || facts.signal !== null) return 'killed';
  return facts.exitCode === 0 ? 'success' : 'failure';
}
