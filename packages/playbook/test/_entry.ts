import type { LedgerEntry } from '../src/ledger-entry';

/** A ledger entry with defaults, for tests. */
export function entry(
  task_id: string,
  finished_at: string,
  extra: Partial<LedgerEntry> = {},
): LedgerEntry {
  return {
    run_id: 'r',
    plan: 'p',
    task_id,
    parent: null,
    skill: 'development-implementer',
    branch: `rc/${task_id}`,
    result: 'pass',
    evidence: 'diff: 1 file changed; no checks',
    diff_stat: '1 file changed',
    changed_files: ['a'],
    out_of_scope: [],
    checks: [],
    agent_exit_code: 0,
    usage: null,
    merge: 'merged',
    conflict_files: [],
    merge_commit: null,
    replan: 'close',
    opened: [],
    next_action: 'close task; unlock dependents',
    log: `.orchestrator/logs/${task_id}.log`,
    started_at: finished_at,
    finished_at,
    runner: null,
    ...extra,
  };
}
