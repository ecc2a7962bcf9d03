import type { DispatchLogEntry } from './dispatch-log-entry';

/**
 * The first entry that already dispatched (`dispatched`) or recorded (`recorded`) the request
 * with this idempotency key, or null. Failed, duplicate and dry-run entries do not count, so a
 * failed dispatch can be retried.
 */
export function findPriorDispatch(
  entries: readonly DispatchLogEntry[],
  idempotencyKey: string,
): DispatchLogEntry | null {
  return (
    entries.find(
      (entry) =>
        entry.idempotency_key === idempotencyKey &&
        (entry.outcome === 'dispatched' || entry.outcome === 'recorded'),
    ) ?? null
  );
}
