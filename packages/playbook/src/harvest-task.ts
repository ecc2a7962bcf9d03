import type { EvidenceResult, CheckEvidence } from './ledger-entry';
import type { PlaybookPorts, ProcessResult } from './playbook-ports';
import type { PlaybookTask } from './playbook-task';
import { isInScope } from './scopes-overlap';
import { git } from './_worktree';

/** What harvest found in a task's worktree. */
export interface Harvest {
  result: EvidenceResult;
  /** One line for the ledger table. */
  evidence: string;
  diff_stat: string;
  changed_files: string[];
  out_of_scope: string[];
  checks: CheckEvidence[];
}

/** Input of {@link harvestTask}. */
export interface HarvestTaskInput {
  ports: PlaybookPorts;
  task: PlaybookTask;
  worktree: string;
  /** The commit the task's branch started from. */
  base: string;
  agent: ProcessResult;
  signal?: AbortSignal;
  /** A review task (release, requirements, architect) may pass without changing files. @default false */
  allowNoChanges?: boolean;
  /** The task's transcript: each check's command line, output and exit are appended to it. */
  logFile: string;
}

const MAX_OUTPUT = 2_000;

/**
 * Collects a task's evidence: commits what the agent left, diffs against the base, fails changes
 * outside the scope, runs the checks. Pass: the agent succeeded, something changed in scope and
 * every check passed. Partial: in scope, but nothing changed or only some checks passed, or the
 * agent said `RC-RESULT: partial`. Fail: the agent failed, a change left the scope, or every
 * check failed.
 */
export async function harvestTask(input: HarvestTaskInput): Promise<Harvest> {
  const { ports, task, worktree, base, agent } = input;
  await git(ports, ['add', '-A'], worktree);
  const staged = await ports.git(['diff', '--cached', '--quiet'], worktree);
  if (staged.exitCode !== 0)
    await git(
      ports,
      ['commit', '-q', '--no-verify', '-m', `rc: ${task.id}: ${task.objective || 'work'}`],
      worktree,
    );
  const range = `${base}..HEAD`;
  const names = await git(ports, ['diff', '--name-only', '--no-renames', range], worktree);
  const changed = names.stdout.split('\n').filter((line) => line !== '');
  const stat = (await git(ports, ['diff', '--shortstat', range], worktree)).stdout.trim();
  const outOfScope = changed.filter((file) => !isInScope(file, task.scope));
  const agentFailed = agent.exitCode !== 0;
  const checks: CheckEvidence[] = [];
  if (!agentFailed && outOfScope.length === 0)
    for (const command of task.checks) {
      const run = await ports.runCheck({
        command,
        cwd: worktree,
        logFile: input.logFile,
        signal: input.signal,
      });
      checks.push({
        command,
        exit_code: run.exitCode,
        output: tail(`${run.stdout}${run.stderr}`),
      });
    }
  const passedChecks = checks.filter((check) => check.exit_code === 0).length;
  const diff = changed.length === 0 ? 'no changes' : `diff: ${stat}`;
  const checkText =
    task.checks.length === 0 ? 'no checks' : `checks ${passedChecks}/${task.checks.length} passed`;
  const base_ = { diff_stat: stat, changed_files: changed, out_of_scope: outOfScope, checks };
  if (agentFailed) {
    const why = agent.timedOut
      ? 'agent timed out'
      : agent.aborted
        ? 'interrupted'
        : `agent exited ${agent.exitCode}`;
    return { ...base_, result: 'fail', evidence: `${why}; ${diff}` };
  }
  if (outOfScope.length > 0)
    return {
      ...base_,
      result: 'fail',
      evidence: `out of scope: ${outOfScope.slice(0, 5).join(', ')}${outOfScope.length > 5 ? ', ...' : ''}`,
    };
  const saidPartial = /^RC-RESULT:\s*partial\b/im.test(agent.stdout + agent.stderr);
  const evidence = `${diff}; ${checkText}`;
  if (checks.length > 0 && passedChecks === 0) return { ...base_, result: 'fail', evidence };
  if (
    saidPartial ||
    (changed.length === 0 && !input.allowNoChanges) ||
    passedChecks < checks.length
  )
    return { ...base_, result: 'partial', evidence };
  return { ...base_, result: 'pass', evidence };
}

function tail(text: string): string {
  return text.length <= MAX_OUTPUT ? text : `...${text.slice(-MAX_OUTPUT)}`;
}
