import fc from 'fast-check';
import { LoopConfigSchema } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { nextTurn } from './next-turn';
import { recordTurn } from './record-turn';
import {
  initialState,
  type OrchestrationState,
  type TurnRecord,
} from './state/orchestration-state';

const NOW = '2026-11-20T09:15:00.000-07:00';
const config = (extra: Record<string, unknown> = {}) =>
  LoopConfigSchema.parse({ limits: { max_iterations: 5 }, ...extra });

function turnRecord(
  plan: { iteration: number; actor: 'galph' | 'ralph'; phase: 'work' | 'review'; route: boolean },
  prompt: string,
  outcome: TurnRecord['outcome'] = 'success',
  done = false,
  usage: TurnRecord['usage'] = null,
): TurnRecord {
  return {
    iteration: plan.iteration,
    actor: plan.actor,
    phase: plan.phase,
    prompt,
    routed: plan.route,
    outcome,
    exit_code: outcome === 'success' ? 0 : 1,
    done,
    started_at: NOW,
    ended_at: NOW,
    duration_ms: 1,
    log: 'logs/x.log',
    message: outcome,
    usage,
    failure_kind: null,
  };
}

/** Drives the pure core to the end, returning "iteration actor prompt" per turn. */
function simulate(
  cfg: ReturnType<typeof config>,
  route: (iteration: number) => string = () => cfg.actors.galph.prompt,
): string[] {
  let state: OrchestrationState = initialState(NOW);
  const seen: string[] = [];
  for (;;) {
    const plan = nextTurn(state, cfg);
    if (plan.kind === 'stop' || state.status !== 'running') return seen;
    const prompt = plan.route ? route(plan.iteration) : plan.prompt;
    seen.push(`${plan.iteration} ${plan.actor} ${prompt}`);
    state = recordTurn(state, plan, turnRecord(plan, prompt), cfg);
  }
}

describe('budget', () => {
  const spend = (cfg: ReturnType<typeof config>, usages: TurnRecord['usage'][]) => {
    let state = initialState(NOW);
    for (const usage of usages) {
      const plan = nextTurn(state, cfg);
      if (plan.kind === 'stop') break;
      state = recordTurn(state, plan, turnRecord(plan, plan.prompt, 'success', false, usage), cfg);
    }
    return state;
  };
  const used = (input: number, output: number, cost: number | null) => ({
    input_tokens: input,
    output_tokens: output,
    cost_usd: cost,
  });

  it('sums the usage of every turn into the state', () => {
    const state = spend(config(), [used(10, 5, 0.1), null, used(1, 1, null), used(0, 0, 0.2)]);
    expect(state.usage).toEqual({ input_tokens: 11, output_tokens: 6, cost_usd: 0.3 });
    expect(state.history.map((turn) => turn.usage?.input_tokens ?? null)).toEqual([10, null, 1, 0]);
  });

  it('stops as limit once max_tokens is spent, and stays stopped until it is raised', () => {
    const cfg = config({ limits: { max_iterations: 5, max_tokens: 100 } });
    const state = spend(cfg, [used(40, 10, null), used(40, 10, null), used(1, 1, null)]);
    expect(state).toMatchObject({
      status: 'limit',
      reason: 'budget spent: 100 tokens used, max_tokens is 100',
      counters: { turns: 2 },
    });
    expect(nextTurn({ ...state, status: 'running' }, cfg)).toMatchObject({
      kind: 'stop',
      status: 'limit',
    });
    const raised = config({ limits: { max_iterations: 5, max_tokens: 1000 } });
    expect(nextTurn({ ...state, status: 'running' }, raised)).toMatchObject({ kind: 'turn' });
  });

  it('stops as limit once max_cost_usd is spent', () => {
    const cfg = config({ limits: { max_iterations: 5, max_cost_usd: 0.25 } });
    const state = spend(cfg, [used(1, 1, 0.2), used(1, 1, null), used(1, 1, 0.05), used(1, 1, 1)]);
    expect(state.status).toBe('limit');
    expect(state.reason).toBe('budget spent: $0.2500 used, max_cost_usd is 0.25');
    expect(state.counters.turns).toBe(3);
  });

  it('lets a loop that is done on its budget stay done', () => {
    const cfg = config({ limits: { max_iterations: 5, max_tokens: 10 } });
    const state = initialState(NOW);
    const plan = nextTurn(state, cfg);
    if (plan.kind === 'stop') throw new Error('expected a turn');
    const after = recordTurn(
      state,
      plan,
      turnRecord(plan, plan.prompt, 'success', true, used(50, 50, null)),
      cfg,
    );
    expect(after.status).toBe('done');
  });
});

describe('nextTurn', () => {
  it('with the router disabled gives exactly the plain supervisor/worker alternation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (max) => {
        const cfg = config({ limits: { max_iterations: max } });
        const plain = Array.from({ length: max }, (_, i) => [
          `${i + 1} galph supervisor`,
          `${i + 1} ralph main`,
        ]).flat();
        expect(simulate(cfg)).toEqual(plain);
      }),
    );
  });

  it('runs the reviewer once per due iteration, never twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), (max, every) => {
        const turns = simulate(config({ limits: { max_iterations: max }, review: { every } }));
        const reviews = turns.filter((turn) => turn.endsWith('reviewer'));
        expect(reviews).toEqual(
          Array.from(
            { length: Math.floor(max / every) },
            (_, i) => `${(i + 1) * every} galph reviewer`,
          ),
        );
      }),
    );
  });

  it('routes galph only when the router is enabled', () => {
    const turns = simulate(
      config({ router: { enabled: true }, limits: { max_iterations: 2 } }),
      (i) => `p${i}`,
    );
    expect(turns).toEqual(['1 galph p1', '1 ralph main', '2 galph p2', '2 ralph main']);
  });

  it.each([
    ['done', { status: 'done' as const, reason: null }, 'done'],
    ['failed', { status: 'failed' as const, reason: null }, 'the last turn failed'],
    ['limit', { status: 'limit' as const, iteration: 6 }, 'max iterations (5) reached'],
  ])('stops when the state says %s', (status, patch, reason) => {
    expect(nextTurn({ ...initialState(NOW), ...patch }, config())).toEqual({
      kind: 'stop',
      status,
      reason,
    });
  });

  it('resumes a loop stopped at its limit when the limit is raised', () => {
    const state = { ...initialState(NOW), status: 'limit' as const, iteration: 6 };
    expect(nextTurn(state, config(), 8)).toMatchObject({
      kind: 'turn',
      iteration: 6,
      actor: 'galph',
    });
  });
});

describe('recordTurn', () => {
  const plan = {
    kind: 'turn' as const,
    iteration: 5,
    actor: 'ralph' as const,
    phase: 'work' as const,
    prompt: 'main',
    route: false,
  };
  const state = { ...initialState(NOW), iteration: 5, expected_actor: 'ralph' as const };

  it.each([
    ['failure', 'failed', 1],
    ['not_found', 'failed', 1],
    ['timeout', 'failed', 1],
    ['idle_timeout', 'failed', 1],
    ['killed', 'running', 0],
  ] as const)('records %s as status %s without moving on', (outcome, status, failures) => {
    const next = recordTurn(state, plan, turnRecord(plan, 'main', outcome), config());
    expect(next).toMatchObject({
      status,
      iteration: 5,
      expected_actor: 'ralph',
      counters: { failures, turns: 1, ralph: 1 },
    });
    expect(next.reason).toContain('ralph (main) in iteration 5');
  });

  it('counts done on the last iteration as done and keeps a bounded history', () => {
    const next = recordTurn(state, plan, turnRecord(plan, 'main', 'success', true), config());
    expect(next).toMatchObject({ status: 'done', reason: 'ralph printed RC_DONE in iteration 5' });
    const ended = recordTurn(state, plan, turnRecord(plan, 'main'), config());
    expect(ended).toMatchObject({ status: 'limit', iteration: 6 });
    let long: OrchestrationState = state;
    for (let i = 0; i < 30; i++)
      long = recordTurn(long, plan, turnRecord(plan, 'main', 'killed'), config());
    expect(long.history).toHaveLength(20);
    expect(long.counters.interrupted).toBe(30);
  });
});
