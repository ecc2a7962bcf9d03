import { setTimeout as delay } from 'node:timers/promises';
import { ConflictError, OperationError, EXIT_CODES } from '@rc/orchestrator-core';
import { createGitClient, GitError, type GitClient } from '@rc/exec';
import { turnRole } from './loop-event';
import { nextTurn } from './next-turn';
import { recordTurn } from './record-turn';
import { runTurn } from './run-turn';
import type { LoopRuntime } from './_loop-runtime';
import type { LoopOutcome } from './run-loop-options';
import { initialState, type OrchestrationState } from './state/orchestration-state';
import { parseState, readState } from './state/read-state';
import { writeState } from './state/write-state';
import {
  interruptedOutcome,
  maybeRetry,
  outcomeAfterTurn,
  pastDeadline,
  stopOutcome,
} from './_loop-outcome';

const PUSH_ATTEMPTS = 3;

/**
 * Role mode: pull, act only when the state expects this role, run the turn, commit state and logs,
 * push. Polls until the loop ends unless `once`.
 */
export async function runRole(rt: LoopRuntime): Promise<LoopOutcome> {
  try {
    return await runRoleTurns(rt);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    await recordGitFailure(rt, error);
    throw error;
  }
}

/**
 * A git failure stops the loop at once; the local state says why (status failed), so `rc loop
 * status` shows it. The state file then differs from the remote's: role mode refuses to go on
 * until someone looks (commit it, or check it out again, and run with --retry).
 */
async function recordGitFailure(rt: LoopRuntime, error: GitError): Promise<void> {
  const local = await readState(rt.statePath, rt.config.sync.state_path).catch(() => null);
  if (local === null) return;
  const reason = error.message.split('\n')[0] ?? error.message;
  await writeState(
    rt.statePath,
    { ...local, status: 'failed', reason, updated_at: rt.now() },
    rt.redactor,
  );
}

async function runRoleTurns(rt: LoopRuntime): Promise<LoopOutcome> {
  const { sync } = rt.config;
  const role = rt.role ?? 'galph';
  const git = createGitClient({
    cwd: rt.root,
    remote: sync.remote,
    branch: sync.branch,
    env: rt.env,
  });
  const sleep =
    rt.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  let turns = 0;
  let state: OrchestrationState | null = null;
  let waitingFor: string | null = null;
  for (;;) {
    if (rt.signal?.aborted) return interruptedOutcome(state, turns);
    const changes = await git.changes();
    if (changes.length > 0) {
      throw new OperationError(
        `the work tree has uncommitted changes (${changes.slice(0, 3).join(', ')}${changes.length > 3 ? ', ...' : ''}); role mode commits only the loop's state and logs, so commit or stash them first`,
      );
    }
    await git.pull(sync.pull_strategy);
    state = maybeRetry(
      (await readState(rt.statePath, sync.state_path)) ?? initialState(rt.now()),
      rt.retry,
    );
    const plan = nextTurn(state, rt.config, rt.maxIterations);
    if (plan.kind === 'stop') return stopOutcome(plan, state, turns);
    // The total time bounds this process, not the shared loop: stop without touching the state.
    const late = pastDeadline(rt.deadline, rt.clock().getTime());
    if (late !== null)
      return { status: 'limit', exitCode: EXIT_CODES.limit, reason: late, turns, state };
    if (plan.actor !== role) {
      const note = `waiting for ${plan.actor} (iteration ${plan.iteration})`;
      if (rt.once)
        return { status: 'waiting', exitCode: EXIT_CODES.ok, reason: note, turns, state };
      if (waitingFor !== note) rt.onEvent?.({ type: 'note', message: note });
      waitingFor = note;
      try {
        await sleep(sync.poll_interval_s * 1000, rt.signal);
      } catch {
        return interruptedOutcome(state, turns);
      }
      continue;
    }
    waitingFor = null;
    const before = state;
    const turn = before.counters.turns + 1;
    const record = await runTurn(plan, { ...rt, deadline: rt.deadline, turn });
    state = recordTurn(before, plan, record, rt.config, rt.maxIterations);
    await writeState(rt.statePath, state, rt.redactor);
    await git.commit(
      [sync.state_path, rt.config.logs_dir],
      `rc loop: iteration ${plan.iteration} ${plan.actor} ${record.prompt} (${record.outcome})`,
    );
    await pushTurn(git, rt, before);
    turns++;
    rt.onEvent?.({ type: 'turn_end', turn, role: turnRole(plan.actor, plan.phase), record });
    const ended = outcomeAfterTurn(state, record, rt, turns);
    if (ended !== null) return ended;
  }
}

/**
 * Pushes the turn's commit. When the push is rejected, fetches and re-checks the remote state: if
 * another runner recorded a turn since ours started, ours is dropped (exit 3) so no turn counts
 * twice; otherwise the remote moved for another reason and the commit is rebased and pushed again.
 */
async function pushTurn(
  git: GitClient,
  rt: LoopRuntime,
  before: OrchestrationState,
): Promise<void> {
  const path = rt.config.sync.state_path;
  for (let attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
    if ((await git.push()) === 'pushed') return;
    await git.fetch();
    const text = await git.show(git.upstream, path);
    const remote = text === null ? null : parseState(text, `${git.upstream}:${path}`);
    if (remote !== null && remote.counters.turns > before.counters.turns) {
      await git.resetHard(git.upstream);
      const last = remote.last_turn;
      throw new ConflictError(
        `lost a git race: ${git.upstream} already recorded turn ${remote.counters.turns}${last ? ` (${last.actor} ${last.prompt}, iteration ${last.iteration})` : ''}; this turn was dropped, run again to continue`,
      );
    }
    try {
      await git.pull('rebase');
    } catch (error) {
      throw new ConflictError(
        `push rejected and the rebase onto ${git.upstream} failed; resolve it by hand`,
        { cause: error },
      );
    }
  }
  throw new ConflictError(
    `push to ${git.upstream} rejected ${PUSH_ATTEMPTS} times; run again to continue`,
  );
}
