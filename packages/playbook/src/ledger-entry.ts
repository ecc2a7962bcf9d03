import * as z from 'zod/mini';

/** Evidence results, as in the seed's ledger. */
export const EVIDENCE_RESULTS = ['pass', 'partial', 'fail'] as const;
export type EvidenceResult = (typeof EVIDENCE_RESULTS)[number];

/** What happened to a task's branch after harvest. */
export const MERGE_OUTCOMES = ['merged', 'conflict', 'held', 'skipped'] as const;
export type MergeOutcome = (typeof MERGE_OUTCOMES)[number];

/** What re-planning decided. */
export const REPLAN_ACTIONS = [
  'close',
  'split',
  'debug',
  'requirements',
  'architect',
  'release',
  'stop',
] as const;
export type ReplanAction = (typeof REPLAN_ACTIONS)[number];

/** The ledger file inside the playbook state directory (`.orchestrator`). */
export const LEDGER_FILE = 'ledger.ndjson';

/** The Next Action of a task stopped by an interruption: a re-run resumes it. */
export const INTERRUPTED_NEXT_ACTION = 'stop: interrupted; run again to resume';

/** One check's outcome. */
export const CheckEvidenceSchema = z.strictObject({
  command: z.string(),
  exit_code: z.nullable(z.number()),
  /** The end of its output (at most 2,000 characters). */
  output: z.string(),
});
export type CheckEvidence = z.output<typeof CheckEvidenceSchema>;

/** Tokens and cost one task's agent reported (`@rc/exec`'s AgentUsage). */
const UsageSchema = z.strictObject({
  input_tokens: z.number(),
  output_tokens: z.number(),
  cost_usd: z.nullable(z.number()),
});

/** One line of `.orchestrator/ledger.ndjson`: a task's evidence and what follows from it. */
export const LedgerEntrySchema = z.strictObject({
  /** The invocation that wrote the entry (`rc playbook run --run-id`). */
  run_id: z.string(),
  /**
   * The plan's content hash ({@link planHash}): what identifies a playbook run across
   * invocations, so a re-run resumes it. Empty in ledgers written before exact resume.
   */
  plan: z._default(z.string(), ''),
  task_id: z.string(),
  parent: z.nullable(z.string()),
  skill: z.string(),
  branch: z.string(),
  result: z.enum(EVIDENCE_RESULTS),
  /** One-line summary for the ledger table. */
  evidence: z.string(),
  diff_stat: z.string(),
  changed_files: z.array(z.string()),
  out_of_scope: z.array(z.string()),
  checks: z.array(CheckEvidenceSchema),
  agent_exit_code: z.nullable(z.number()),
  /**
   * What the agent reported spending; null when it reports nothing (a text agent), did not run,
   * or in ledgers written before usage was recorded. Summed against `playbook.limits`.
   */
  usage: z._default(z.nullable(UsageSchema), null),
  merge: z.enum(MERGE_OUTCOMES),
  conflict_files: z.array(z.string()),
  /** The squash commit that merged the task into the integration branch, or null. */
  merge_commit: z._default(z.nullable(z.string()), null),
  replan: z.enum(REPLAN_ACTIONS),
  /** Ids of the tasks re-planning opened. */
  opened: z.array(z.string()),
  next_action: z.string(),
  /** The task's log, relative to the repository. */
  log: z.string(),
  started_at: z.string(),
  finished_at: z.string(),
  /** Who produced it (runner name or host), for ledgers merged from several machines. */
  runner: z.nullable(z.string()),
});
export type LedgerEntry = z.output<typeof LedgerEntrySchema>;
