import type { PlaybookConfig } from '@rc/orchestrator-core';
import type { Harvest } from './harvest-task';
import { INTERRUPTED_NEXT_ACTION, type MergeOutcome } from './ledger-entry';
import type { MergeResult } from './merge-task-branch';
import type { PlaybookTask } from './playbook-task';
import { replanTask, type ReplanDecision, type ReplanSignals } from './replan-task';

/** What is known about a finished task when it is settled. */
export interface SettleFacts {
  task: PlaybookTask;
  harvest: Harvest;
  signals: ReplanSignals;
  /** The run was aborted (Ctrl-C) while the task ran, or the agent was killed by the abort. */
  interrupted: boolean;
  /** Why the agent's failure is terminal (not found, authentication, quota), or null. */
  terminal: string | null;
  /** A release check is pending: passes are held, not merged, until it passes. */
  mergesHeld: boolean;
  /** The batch has already stopped (an interruption or a terminal error elsewhere). */
  batchStopped: boolean;
  config: Pick<PlaybookConfig, 'replan' | 'skills'>;
}

/** What {@link decideSettle} decided for a task. */
export interface SettleDecision {
  merge: MergeOutcome;
  merge_commit: string | null;
  conflict_files: string[];
  evidence: string;
  decision: ReplanDecision;
  /** Stop the batch (start nothing more), or null to go on. */
  stop: { reason: 'terminal-error' | 'interrupted'; detail: string } | null;
  /** How the task ends in the queue. */
  outcome: 'passed' | 'held' | 'failed';
  /** Tasks opened by re-planning that are dispatched now (empty when not re-dispatching). */
  dispatch: PlaybookTask[];
  /** The ledger's Next Action text. */
  next_action: string;
}

/** Whether a finished task's branch should be merged now, held, or left alone. Pure. */
export function settleMergeIntent(facts: SettleFacts): 'merge' | 'hold' | 'skip' {
  if (facts.interrupted || facts.terminal !== null) return 'skip';
  const { harvest, signals } = facts;
  if (harvest.result !== 'pass' || signals.unclearCriteria) return 'skip';
  return signals.releaseRisk || facts.mergesHeld ? 'hold' : 'merge';
}

/**
 * Settles a finished task, pure: given the facts and how its merge went (null when
 * {@link settleMergeIntent} did not ask for one), what the ledger records, whether the batch
 * stops, and what re-planning opens. An interruption or a terminal agent error stops the batch
 * and never opens a re-planning task; a merge conflict is a design conflict.
 */
export function decideSettle(facts: SettleFacts, merged: MergeResult | null): SettleDecision {
  const { task, harvest } = facts;
  const stopped = (
    reason: 'terminal-error' | 'interrupted',
    detail: string,
    next: string,
  ): SettleDecision => ({
    merge: 'skipped',
    merge_commit: null,
    conflict_files: [],
    evidence: harvest.evidence,
    decision: { action: 'stop', tasks: [], next_action: next, holdMerges: false },
    stop: { reason, detail },
    outcome: 'failed',
    dispatch: [],
    next_action: next,
  });
  if (facts.interrupted)
    return stopped('interrupted', 'interrupted (Ctrl-C)', INTERRUPTED_NEXT_ACTION);
  if (facts.terminal !== null)
    return stopped(
      'terminal-error',
      `terminal agent error in ${task.id}: ${facts.terminal}`,
      `stop batch: terminal agent error (${facts.terminal}); fix it and run again`,
    );
  const intent = settleMergeIntent(facts);
  const signals = { ...facts.signals };
  let merge: MergeOutcome = intent === 'hold' ? 'held' : 'skipped';
  let evidence = harvest.evidence;
  if (merged !== null) {
    merge = merged.outcome;
    if (merged.outcome === 'conflict') {
      signals.designConflict = true;
      evidence += `; merge conflict: ${merged.conflict_files.join(', ') || 'unknown files'}`;
    } else if (merged.already) evidence += '; merged before';
  }
  const decision = replanTask({ task, result: harvest.result, signals, config: facts.config });
  const dispatching = facts.config.replan.redispatch && !facts.batchStopped;
  return {
    merge,
    merge_commit: merged?.commit ?? null,
    conflict_files: merged?.conflict_files ?? [],
    evidence,
    decision,
    stop: null,
    outcome: decision.action === 'close' ? (merge === 'held' ? 'held' : 'passed') : 'failed',
    dispatch: dispatching ? decision.tasks : [],
    next_action:
      decision.tasks.length > 0 && !dispatching
        ? `${decision.next_action} (not dispatched)`
        : decision.next_action,
  };
}
