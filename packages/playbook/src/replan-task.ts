import picomatch from 'picomatch';
import type { PlaybookConfig } from '@rc/orchestrator-core';
import type { EvidenceResult, ReplanAction } from './ledger-entry';
import type { PlaybookTask } from './playbook-task';

/** What harvest noticed besides the result, each sending the task to a specialist skill. */
export interface ReplanSignals {
  /** The done criteria are empty, or the agent said `RC-SIGNAL: unclear-criteria`. */
  unclearCriteria: boolean;
  /** A merge conflict, or the agent said `RC-SIGNAL: design-conflict`. */
  designConflict: boolean;
  /** A changed file matches `replan.release_risk_paths`, or the agent said `RC-SIGNAL: release-risk`. */
  releaseRisk: boolean;
}

/** Input of {@link replanTask}. */
export interface ReplanInput {
  task: PlaybookTask;
  result: EvidenceResult;
  signals: ReplanSignals;
  config: Pick<PlaybookConfig, 'replan' | 'skills'>;
}

/** What {@link replanTask} decided. */
export interface ReplanDecision {
  action: ReplanAction;
  /** Tasks opened to stand in for this one: it counts as passed when all of them pass. */
  tasks: PlaybookTask[];
  /** The ledger's Next Action text. */
  next_action: string;
  /** Merge nothing more until a release check passes. */
  holdMerges: boolean;
}

/**
 * The seed's re-planning rules, pure: pass closes the task and unlocks dependents; partial
 * splits it (bounded depth); fail opens a root-cause task for the debug skill; unclear criteria
 * go to the requirements skill, a design conflict to the architect skill, and release risk to
 * the release skill before more merges. Past `replan.max_depth` it stops for a person.
 */
export function replanTask(input: ReplanInput): ReplanDecision {
  const { task, result, signals, config } = input;
  const { skills, replan } = config;
  const open = (
    action: ReplanAction,
    tasks: PlaybookTask[],
    text: string,
    holdMerges = false,
  ): ReplanDecision =>
    task.depth >= replan.max_depth
      ? {
          action: 'stop',
          tasks: [],
          next_action: `stop: re-planning depth ${replan.max_depth} reached, needs a person (${action})`,
          holdMerges,
        }
      : { action, tasks, next_action: text, holdMerges };
  const derived = (
    suffix: string,
    skill: string,
    objective: string,
    criteria = task.done_criteria,
  ) => derive(task, `${task.id}-${suffix}`, { skill, objective, done_criteria: criteria });

  if (signals.unclearCriteria) {
    const next = derived(
      'req',
      skills.requirements,
      `Clarify the done criteria of ${task.id} (${task.objective}), then meet them`,
      `done criteria of ${task.id} written down and met`,
    );
    return open('requirements', [next], `clarify criteria: ${next.id} (${skills.requirements})`);
  }
  if (signals.designConflict) {
    const next = derived(
      'arch',
      skills.architect,
      `Resolve the cross-module design conflict of ${task.id} (${task.objective})`,
    );
    return open('architect', [next], `escalate design conflict: ${next.id} (${skills.architect})`);
  }
  if (result === 'pass' && signals.releaseRisk) {
    const next = derived(
      'rel',
      skills.release,
      `Check the release risk of ${task.id} (branch rc/${task.id}) before more merges`,
      `release risk of ${task.id} assessed; rollback noted`,
    );
    return open(
      'release',
      [next],
      `release check ${next.id} (${skills.release}) before more merges`,
      true,
    );
  }
  if (result === 'pass')
    return {
      action: 'close',
      tasks: [],
      next_action: 'close task; unlock dependents',
      holdMerges: false,
    };
  const debug = () => {
    const next = derived(
      'rca',
      skills.debug,
      `Find and fix the root cause of ${task.id} failing (${task.objective})`,
    );
    return open('debug', [next], `root-cause task ${next.id} (${skills.debug})`);
  };
  const stop = (why: string): ReplanDecision => ({
    action: 'stop',
    tasks: [],
    next_action: `stop: ${why}, needs a person`,
    holdMerges: false,
  });
  if (result === 'partial') {
    if (replan.on_partial === 'stop') return stop('partial result');
    const parts = replan.on_partial === 'split' ? splitTask(task) : [];
    if (parts.length === 0) return debug();
    return open(
      'split',
      parts,
      `split into ${parts.map((part) => part.id).join(', ')} and redispatch`,
    );
  }
  return replan.on_fail === 'stop' ? stop('failed') : debug();
}

/**
 * Splits a task in two: by scope entries when it has several, else by checks; [] when it has
 * neither to split. Parts keep the task's dependencies (they already passed).
 */
export function splitTask(task: PlaybookTask): PlaybookTask[] {
  const halves = <T>(items: readonly T[]) => {
    const middle = Math.ceil(items.length / 2);
    return [items.slice(0, middle), items.slice(middle)];
  };
  if (task.scope.length >= 2)
    return halves(task.scope).map((scope, index) =>
      derive(task, `${task.id}.${index + 1}`, {
        scope,
        objective: `${task.objective} (part ${index + 1}: ${scope.join(', ')})`,
      }),
    );
  if (task.checks.length >= 2)
    return halves(task.checks).map((checks, index) =>
      derive(task, `${task.id}.${index + 1}`, {
        checks,
        objective: `${task.objective} (part ${index + 1}: ${checks.join('; ')})`,
      }),
    );
  return [];
}

/** The changed files that match a release-risk glob. */
export function releaseRiskFiles(files: readonly string[], patterns: readonly string[]): string[] {
  if (patterns.length === 0) return [];
  const matches = picomatch([...patterns], { dot: true });
  return files.filter((file) => matches(file));
}

function derive(task: PlaybookTask, id: string, changes: Partial<PlaybookTask>): PlaybookTask {
  return { ...task, line: 0, ...changes, id, parent: task.id, depth: task.depth + 1 };
}
