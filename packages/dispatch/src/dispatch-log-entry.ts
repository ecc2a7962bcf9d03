/** The dispatch log's file name, under the orchestrator artifacts directory. */
export const DISPATCH_LOG_FILE = 'dispatch-log.ndjson';

/** How a dispatch was (or would be) triggered. */
export const DISPATCH_TRIGGERS = ['github', 'local', 'none'] as const;
export type DispatchTrigger = (typeof DISPATCH_TRIGGERS)[number];

/**
 * What became of one dispatch: triggered (`dispatched`), recorded without a trigger
 * (`recorded`, `--trigger none`), skipped as a repeat (`duplicate`), failed (`failed`), or only
 * shown (`dry_run`). `dispatched` and `recorded` count as done for duplicate detection.
 */
export const DISPATCH_OUTCOMES = [
  'dispatched',
  'duplicate',
  'failed',
  'recorded',
  'dry_run',
] as const;
export type DispatchOutcome = (typeof DISPATCH_OUTCOMES)[number];

/** One line of `dispatch-log.ndjson`; written with keys in canonical (sorted) order. */
export interface DispatchLogEntry {
  run_id: string;
  idempotency_key: string;
  issue_number: number;
  /** The prompt name (`triage`), as in the plan. */
  prompt: string;
  /** The workflow name (`orchestrator-runner`), as in the plan. */
  workflow: string;
  trigger: DispatchTrigger;
  outcome: DispatchOutcome;
  /** Why it failed or was skipped; null when it went through. */
  reason: string | null;
  phoenix_timestamp: string;
  /**
   * sha256 of the plan's `instructions`, when it has any: the record says which words a run was
   * given (a redelivery with other words is still the same comment, hence a duplicate).
   */
  instructions_sha256?: string;
}

const STRING_FIELDS = [
  'run_id',
  'idempotency_key',
  'prompt',
  'workflow',
  'phoenix_timestamp',
] as const;
const FIELDS = new Set<string>([
  ...STRING_FIELDS,
  'issue_number',
  'trigger',
  'outcome',
  'reason',
  'instructions_sha256',
]);

/** Checks a parsed value is a log entry; returns the problems, empty when it is one. */
export function dispatchLogEntryProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return ['(root): expected a JSON object'];
  }
  const entry = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of STRING_FIELDS) {
    if (typeof entry[field] !== 'string' || entry[field] === '') {
      problems.push(`${field}: expected a non-empty string`);
    }
  }
  const issue = entry['issue_number'];
  if (typeof issue !== 'number' || !Number.isSafeInteger(issue) || issue <= 0) {
    problems.push('issue_number: expected a positive integer');
  }
  if (!(DISPATCH_TRIGGERS as readonly unknown[]).includes(entry['trigger'])) {
    problems.push(`trigger: expected one of ${DISPATCH_TRIGGERS.join(', ')}`);
  }
  if (!(DISPATCH_OUTCOMES as readonly unknown[]).includes(entry['outcome'])) {
    problems.push(`outcome: expected one of ${DISPATCH_OUTCOMES.join(', ')}`);
  }
  if (entry['reason'] !== null && typeof entry['reason'] !== 'string') {
    problems.push('reason: expected a string or null');
  }
  const digest = entry['instructions_sha256'];
  if (digest !== undefined && (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest))) {
    problems.push('instructions_sha256: expected a sha256 hex digest');
  }
  for (const key of Object.keys(entry)) {
    if (!FIELDS.has(key)) problems.push(`${key}: unknown field`);
  }
  return problems;
}
