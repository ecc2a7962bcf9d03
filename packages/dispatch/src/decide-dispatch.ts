import { sha256Hex, type DispatchEnvelope, type DispatchPlan } from '@rc/orchestrator-core';
import {
  DISPATCH_LOG_FILE,
  type DispatchLogEntry,
  type DispatchTrigger,
} from './dispatch-log-entry';
import { findPriorDispatch } from './find-prior-dispatch';
import { ENVELOPE_FILE } from './write-envelope-artifact';
import { PLAN_FILE } from './write-plan-artifact';

/** Input of {@link decideDispatch}: plain data, no I/O. */
export interface DecideDispatchInput {
  plan: DispatchPlan;
  envelope: DispatchEnvelope;
  /** The dispatch log's readable entries, oldest first. */
  log: readonly DispatchLogEntry[];
  /** How a dispatch that goes ahead is triggered. */
  trigger: DispatchTrigger;
  /**
   * Only show what would happen (`--dry-run`, the Action's `dry-run` input). A `dry-run` word in
   * the command itself counts too.
   * @default false
   */
  dryRun?: boolean;
}

/** The log entry of a dispatch, without what only its end decides. */
export type PendingLogEntry = Omit<DispatchLogEntry, 'outcome' | 'reason'>;

/**
 * What to do with a planned dispatch:
 * - `dry_run`: write nothing, trigger nothing; `wouldWrite` lists the files a real run writes;
 * - `duplicate`: the same request was already dispatched or recorded: log `entry`, nothing else;
 * - `plan_only`: `mode=plan`: write the plan and envelope, log `entry`, trigger nothing;
 * - `trigger`: write the plan and envelope, trigger, then log `pending` with the trigger's outcome.
 */
export type DispatchDecision =
  | { kind: 'dry_run'; duplicateOf: string | null; wouldWrite: string[] }
  | { kind: 'duplicate'; duplicateOf: string; entry: DispatchLogEntry }
  | { kind: 'plan_only'; entry: DispatchLogEntry }
  | { kind: 'trigger'; pending: PendingLogEntry };

/** Why a `mode=plan` command triggers nothing, as its log entry says. */
export const PLAN_ONLY_REASON = 'mode=plan: planned and recorded; nothing triggered';

/** Decides a dispatch from the log, the envelope and the command. Pure; never throws. */
export function decideDispatch(input: DecideDispatchInput): DispatchDecision {
  const { plan, envelope } = input;
  const prior = findPriorDispatch(input.log, envelope.idempotency_key);
  if (input.dryRun === true || plan.command.dry_run) {
    return {
      kind: 'dry_run',
      duplicateOf: prior?.run_id ?? null,
      wouldWrite: [
        `${plan.run_id}/${PLAN_FILE}`,
        `${plan.run_id}/${ENVELOPE_FILE}`,
        DISPATCH_LOG_FILE,
      ],
    };
  }
  const pending: PendingLogEntry = {
    run_id: plan.run_id,
    idempotency_key: envelope.idempotency_key,
    issue_number: plan.issue.number,
    prompt: plan.prompt.name,
    workflow: plan.workflow.name,
    trigger: input.trigger,
    phoenix_timestamp: plan.phoenix_timestamp,
    ...(plan.instructions === undefined
      ? {}
      : { instructions_sha256: sha256Hex(plan.instructions) }),
  };
  if (prior !== null) {
    const reason = `duplicate of run ${prior.run_id} (same comment); nothing triggered`;
    return {
      kind: 'duplicate',
      duplicateOf: prior.run_id,
      entry: { ...pending, outcome: 'duplicate', reason },
    };
  }
  if (plan.command.mode === 'plan') {
    return {
      kind: 'plan_only',
      entry: { ...pending, outcome: 'recorded', reason: PLAN_ONLY_REASON },
    };
  }
  return { kind: 'trigger', pending };
}
