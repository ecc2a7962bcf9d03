import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatPhoenix, type Clock, type LoopConfig } from '@rc/orchestrator-core';
import { addUsage, resolveAgentBackend, runAgent, type AgentRunResult } from '@rc/exec';
import { decideRoute } from './decide-route';
import { turnRole, type LoopEvent } from './loop-event';
import type { PlannedTurn } from './next-turn';
import type { TurnRecord } from './state/orchestration-state';
import { turnLogName } from './turn-log-name';

/** What a turn needs from the outside world. */
export interface TurnContext {
  /** The repository root: prompts, logs and state paths are relative to it. */
  root: string;
  config: LoopConfig;
  /** The agents' environment; rc adds RC_LOOP_* variables. */
  env: Record<string, string | undefined>;
  clock: Clock;
  signal?: AbortSignal;
  /** Epoch ms by which the turn must end (total time limit), or null. */
  deadline: number | null;
  /** The loop's turn number, for progress events. @default 0 */
  turn?: number;
  /** Told when each agent run starts, with its transcript's path. */
  onEvent?: (event: LoopEvent) => void;
}

/**
 * Runs one turn: for a routed turn the router prompt first (its choice must be allowlisted), then
 * the prompt through the actor's agent, with the transcript in `logs/`. Returns the turn record,
 * with the usage the agent reported and a classified failure (auth, trust, quota, network).
 */
export async function runTurn(turn: PlannedTurn, ctx: TurnContext): Promise<TurnRecord> {
  const startedAt = ctx.clock();
  let prompt = turn.prompt;
  if (turn.route) {
    const router = await runPrompt(turn, ctx.config.router.prompt, ctx, true);
    // The router answers in its final message; a text agent's whole tail is read as before.
    const answer =
      router.result.usage === null ? router.result.tail : (router.result.finalMessage ?? '');
    const decision = decideRoute(answer, ctx.config);
    if (router.result.outcome !== 'success' || !decision.ok) {
      const message =
        router.result.outcome !== 'success'
          ? `router: ${router.result.message}`
          : decision.ok
            ? ''
            : (decision.issues[0] ?? '');
      return record(turn, ctx.config.router.prompt, router, startedAt, ctx, {
        outcome: router.result.outcome === 'success' ? 'failure' : router.result.outcome,
        message,
      });
    }
    prompt = decision.value.prompt;
    const run = await runPrompt(turn, prompt, ctx);
    return record(turn, prompt, run, startedAt, ctx, {
      usage: sumUsage(router.result, run.result),
    });
  }
  const run = await runPrompt(turn, prompt, ctx);
  return record(turn, prompt, run, startedAt, ctx, {});
}

function sumUsage(first: AgentRunResult, second: AgentRunResult): TurnRecord['usage'] {
  if (first.usage === null) return second.usage;
  const zero = { input_tokens: 0, output_tokens: 0, cost_usd: null };
  return addUsage(addUsage(zero, first.usage), second.usage);
}

interface PromptRun {
  result: AgentRunResult;
  log: string;
}

async function runPrompt(
  turn: PlannedTurn,
  prompt: string,
  ctx: TurnContext,
  router = false,
): Promise<PromptRun> {
  const { config } = ctx;
  const promptFile = join(ctx.root, config.prompts_dir, `${prompt}.md`);
  const agent = config.actors[turn.actor].agent;
  const backend = resolveAgentBackend(agent, `loop.actors.${turn.actor}.agent`);
  const limits = config.limits;
  const remaining =
    ctx.deadline === null ? Infinity : Math.max(1, ctx.deadline - ctx.clock().getTime());
  const env = {
    ...ctx.env,
    RC_LOOP_ITERATION: String(turn.iteration),
    RC_LOOP_ACTOR: turn.actor,
    RC_LOOP_PHASE: turn.phase,
    RC_LOOP_PROMPT: prompt,
    RC_LOOP_PROMPT_FILE: promptFile,
  };
  for (let attempt = 0; ; attempt++) {
    const logFile = join(
      ctx.root,
      config.logs_dir,
      turnLogName(turn.iteration, turn.actor, prompt, attempt),
    );
    // Skip names taken by earlier attempts, so the start event names the transcript in use.
    if (existsSync(logFile)) continue;
    const log = relative(ctx.root, logFile).split(sep).join('/');
    ctx.onEvent?.({
      type: 'turn_start',
      turn: ctx.turn ?? 0,
      iteration: turn.iteration,
      actor: turn.actor,
      phase: turn.phase,
      role: turnRole(turn.actor, turn.phase),
      prompt,
      router,
      agent: backend.preset === 'custom' ? `custom ${backend.command}` : backend.preset,
      log,
      started_at: formatPhoenix(ctx.clock()),
    });
    try {
      const result = await runAgent({
        backend,
        promptFile,
        cwd: ctx.root,
        env,
        logFile,
        timeoutMs: Math.min(limits.turn_timeout_s * 1000, remaining),
        idleTimeoutMs: limits.idle_timeout_s === null ? null : limits.idle_timeout_s * 1000,
        completionMarker: config.completion_marker,
        ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
      });
      return { result, log };
    } catch (error) {
      // A transcript of an earlier, interrupted attempt exists: keep it, use the next name.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function record(
  turn: PlannedTurn,
  prompt: string,
  run: PromptRun,
  startedAt: Date,
  ctx: TurnContext,
  override: Partial<Pick<TurnRecord, 'outcome' | 'message' | 'usage'>>,
): TurnRecord {
  const endedAt = ctx.clock();
  const outcome = override.outcome ?? run.result.outcome;
  return {
    iteration: turn.iteration,
    actor: turn.actor,
    phase: turn.phase,
    prompt,
    routed: turn.route,
    // Killed by something other than our interrupt (OOM killer, a user): a failure, not a pause.
    outcome: outcome === 'killed' && !ctx.signal?.aborted ? 'failure' : outcome,
    exit_code: run.result.exitCode,
    // Only the agent's own final message (a text agent's last stdout line) can say it is done.
    done: override.outcome === undefined && run.result.done,
    started_at: formatPhoenix(startedAt),
    ended_at: formatPhoenix(endedAt),
    duration_ms: run.result.durationMs,
    log: run.log,
    message: override.message ?? run.result.message,
    usage: override.usage !== undefined ? override.usage : run.result.usage,
    failure_kind: run.result.failure?.kind ?? null,
  };
}
