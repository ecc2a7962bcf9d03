import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoopEvent } from '../src/loop-event';
import { readState } from '../src/state/read-state';
import { fixture, loopConfig, prompts, recorded, run, type Fixture } from './_fixture';

let fx: Fixture;
let root: string;
// Pid files of processes a test let escape rc's process group, stopped after each test.
const escaped: string[] = [];
beforeEach(async () => {
  fx = await fixture();
  root = join(fx.dir, 'repo');
  await prompts(root, ['supervisor', 'main', 'reviewer', 'router', 'debug', 'plan']);
});
afterEach(async () => {
  for (const file of escaped.splice(0)) {
    const pid = Number(await readFile(file, 'utf8').catch(() => ''));
    try {
      if (pid) process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await fx.cleanup();
});

// Fails in seconds, naming the hang, instead of at the test timeout.
const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`the loop had not returned after ${ms} ms`)), ms).unref(),
    ),
  ]);

const state = () => readState(join(root, 'sync/state.json'));

describe('runLoop in combined mode', () => {
  it('alternates galph and ralph, passes prompts by stdin or file, and stops at the iteration limit', async () => {
    const outcome = await run(root, fx.env);
    expect(outcome).toMatchObject({ status: 'limit', exitCode: 4, turns: 6 });
    expect(await recorded(fx.record)).toEqual([
      '1 galph work supervisor',
      '1 ralph work main',
      '2 galph work supervisor',
      '2 ralph work main',
      '3 galph work supervisor',
      '3 ralph work main',
    ]);
    const lines = (await readFile(fx.record, 'utf8')).split('\n');
    expect(lines[0]).toBe('1 galph work supervisor||prompt supervisor');
    expect(lines[1]).toBe(`1 ralph work main|${join(root, 'prompts/main.md')}|`);
    const saved = await state();
    expect(saved).toMatchObject({
      version: 1,
      status: 'limit',
      reason: 'max iterations (3) reached',
      iteration: 4,
      counters: { turns: 6, galph: 3, ralph: 3, reviews: 0 },
      last_turn: {
        actor: 'ralph',
        prompt: 'main',
        outcome: 'success',
        exit_code: 0,
        log: 'logs/3-ralph-main.log',
      },
    });
    expect(saved?.last_turn?.started_at).toBe('2026-11-20T09:15:00.000-07:00');
    expect((await readdir(join(root, 'logs'))).sort()).toHaveLength(6);
    expect(await readFile(join(root, 'logs/2-galph-supervisor.log'), 'utf8')).toBe(
      'agent ran 2-galph-supervisor\n',
    );
  });

  it('runs the reviewer at most once per iteration, on its cadence', async () => {
    const config = loopConfig({
      review: { every: 2 },
      limits: { max_iterations: 4, idle_timeout_s: null },
    });
    const events: LoopEvent[] = [];
    await run(root, fx.env, { config, onEvent: (event) => events.push(event) });
    // Each turn is announced with its number, role, agent and transcript, then recorded.
    expect(
      events
        .slice(0, 6)
        .map((event) =>
          event.type === 'turn_start'
            ? `start ${event.turn} ${event.role} ${event.prompt} ${event.agent} ${event.log}`
            : event.type === 'turn_end'
              ? `end ${event.turn} ${event.role} ${event.record.outcome}`
              : event.message,
        ),
    ).toEqual([
      'start 1 supervisor supervisor custom fake-agent logs/1-galph-supervisor.log',
      'end 1 supervisor success',
      'start 2 worker main custom fake-agent logs/1-ralph-main.log',
      'end 2 worker success',
      'start 3 supervisor supervisor custom fake-agent logs/2-galph-supervisor.log',
      'end 3 supervisor success',
    ]);
    expect(events.filter((event) => event.type === 'turn_start')).toContainEqual(
      expect.objectContaining({ turn: 5, role: 'reviewer', phase: 'review', prompt: 'reviewer' }),
    );
    const turns = await recorded(fx.record);
    expect(turns.filter((turn) => turn.includes('review'))).toEqual([
      '2 galph review reviewer',
      '4 galph review reviewer',
    ]);
    expect(turns.indexOf('2 galph review reviewer')).toBe(turns.indexOf('2 ralph work main') + 1);
    expect((await state())?.counters.reviews).toBe(2);
  });

  it("lets the router override galph's prompt only, ralph staying deterministic", async () => {
    const config = loopConfig({
      router: { enabled: true, allowlist: ['supervisor', 'debug', 'plan'] },
      actors: {
        galph: { agent: { preset: 'custom', command: 'fake-agent' } },
        ralph: { prompts: ['main', 'debug'], agent: { preset: 'custom', command: 'fake-agent' } },
      },
      limits: { max_iterations: 2, idle_timeout_s: null },
    });
    const env = {
      ...fx.env,
      RC_TEST_ROUTE: '1-galph-router=debug 2-galph-router=plan.md 1-ralph-router=plan',
    };
    const starts: string[] = [];
    await run(root, env, {
      config,
      onEvent: (event) => {
        if (event.type === 'turn_start')
          starts.push(`${event.turn} ${event.prompt}${event.router ? ' (router)' : ''}`);
      },
    });
    expect(starts.slice(0, 3)).toEqual(['1 router (router)', '1 debug', '2 main']);
    expect(await recorded(fx.record)).toEqual([
      '1 galph work router',
      '1 galph work debug',
      '1 ralph work main',
      '2 galph work router',
      '2 galph work plan',
      '2 ralph work main',
    ]);
    const saved = await state();
    expect(saved?.counters.routed).toBe(2);
    expect(saved?.history.map((turn) => `${turn.prompt}:${turn.routed}`)).toEqual([
      'debug:true',
      'main:false',
      'plan:true',
      'main:false',
    ]);
  });

  it('fails at once when the router chooses a prompt outside its allowlist', async () => {
    const config = loopConfig({ router: { enabled: true, allowlist: ['supervisor', 'debug'] } });
    const outcome = await run(
      root,
      { ...fx.env, RC_TEST_ROUTE: '1-galph-router=plan' },
      { config },
    );
    expect(outcome).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(outcome.reason).toContain(
      'router: chose "plan", which is not in the allowlist (supervisor, debug)',
    );
    expect(await recorded(fx.record)).toEqual(['1 galph work router']);
    const silent = await run(root, fx.env, { config, retry: true });
    expect(silent.reason).toContain('no "RC_ROUTE: <prompt>" line');
  });

  it('stops immediately when an agent fails, records why, and does not retry', async () => {
    const outcome = await run(root, { ...fx.env, RC_TEST_FAIL: '2-galph-supervisor' });
    expect(outcome).toMatchObject({ status: 'failed', exitCode: 1, turns: 3 });
    expect(outcome.reason).toBe('galph (supervisor) in iteration 2 failed: fake-agent exited 3');
    expect(await recorded(fx.record)).toHaveLength(3);
    const saved = await state();
    expect(saved).toMatchObject({
      status: 'failed',
      iteration: 2,
      expected_actor: 'galph',
      counters: { failures: 1 },
    });
    const again = await run(root, fx.env);
    expect(again).toMatchObject({ status: 'failed', exitCode: 1, turns: 0 });
    const retried = await run(root, fx.env, { retry: true });
    expect(retried).toMatchObject({ status: 'limit', turns: 4 });
  });

  it('treats the completion marker on the last iteration as done, not as a limit', async () => {
    const outcome = await run(root, { ...fx.env, RC_TEST_DONE: '3-ralph-main' });
    expect(outcome).toMatchObject({ status: 'done', exitCode: 0, turns: 6 });
    expect((await state())?.reason).toBe('ralph printed RC_DONE in iteration 3');
    expect(await run(root, fx.env)).toMatchObject({ status: 'done', exitCode: 0, turns: 0 });
  });

  it('ends early when galph declares the work done', async () => {
    const outcome = await run(root, { ...fx.env, RC_TEST_DONE: '1-galph-supervisor' });
    expect(outcome).toMatchObject({ status: 'done', turns: 1 });
  });

  it('stops a turn that runs too long, or goes quiet, as a failure, and a missing agent too', async () => {
    const config = loopConfig({ limits: { turn_timeout_s: 0.3, idle_timeout_s: null } });
    const slow = await run(root, { ...fx.env, RC_TEST_SLEEP: '1-ralph-main' }, { config });
    expect(slow).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(slow.reason).toContain(
      'ralph (main) in iteration 1 failed: fake-agent ran longer than 300 ms',
    );
    const idle = loopConfig({ limits: { turn_timeout_s: 10, idle_timeout_s: 0.3 } });
    const quiet = await run(
      root,
      { ...fx.env, RC_TEST_SLEEP: '1-ralph-main' },
      { config: idle, retry: true },
    );
    expect(quiet).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(quiet.reason).toContain('printed nothing for 300 ms');
    // Retrying runs the same turn again under a new log name: the first transcripts are kept.
    const resumed = await run(root, fx.env, { maxIterations: 1, retry: true });
    expect(resumed).toMatchObject({ status: 'limit', turns: 1 });
    expect(
      (await readdir(join(root, 'logs'))).filter((name) => name.startsWith('1-ralph')).sort(),
    ).toEqual(['1-ralph-main.1.log', '1-ralph-main.2.log', '1-ralph-main.log']);
    const missing = loopConfig({
      actors: { galph: { agent: { preset: 'claude', command: 'rc-missing-agent' } } },
    });
    const other = join(fx.dir, 'other');
    await prompts(other, ['supervisor', 'main']);
    // The preflight names every agent that cannot run, before the first turn.
    await expect(run(other, fx.env, { config: missing })).rejects.toThrow(
      'the loop cannot start: loop.actors.galph.agent: rc-missing-agent: command not found or not executable (check PATH or install the claude CLI); loop.actors.ralph.agent: codex: command not found',
    );
    expect(await readState(join(other, 'sync/state.json'))).toBeNull();
    // Without it, the turn finds out and fails.
    const outcome = await run(other, fx.env, { config: missing, preflight: false });
    expect(outcome.reason).toContain('rc-missing-agent: command not found');
  });

  it('never takes the completion marker from stderr or an echoed prompt', async () => {
    // The prompt names the marker; the agent echoes it to stderr (as codex does) and works on.
    await writeFile(join(root, 'prompts', 'supervisor.md'), 'When all is done print\nRC_DONE\n');
    await writeFile(
      join(fx.bin, 'echo-agent'),
      '#!/bin/sh\ncat >&2\necho RC_DONE >&2\necho "$RC_LOOP_ACTOR worked"\n',
    );
    await import('node:fs/promises').then((fs) => fs.chmod(join(fx.bin, 'echo-agent'), 0o755));
    const agent = { preset: 'custom', command: 'echo-agent' };
    const config = loopConfig({
      actors: { galph: { agent }, ralph: { agent } },
      limits: { max_iterations: 1, turn_timeout_s: 10, idle_timeout_s: null },
    });
    const outcome = await run(root, fx.env, { config });
    expect(outcome).toMatchObject({ status: 'limit', turns: 2 });
  });

  it('records usage per turn and in total, and stops when the budget is spent (exit 4)', async () => {
    const result = (cost: number) =>
      JSON.stringify({
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: 'ok',
        total_cost_usd: cost,
        usage: { input_tokens: 100, output_tokens: 20 },
      });
    // A fake claude: stream-json on stdout, like `claude -p --output-format stream-json`.
    await writeFile(
      join(fx.bin, 'claude'),
      `#!/bin/sh\ncat > /dev/null\nprintf '%s\\n' '${result(0.25)}'\n`,
    );
    await import('node:fs/promises').then((fs) => fs.chmod(join(fx.bin, 'claude'), 0o755));
    const agent = { preset: 'claude' };
    const config = loopConfig({
      actors: { galph: { agent }, ralph: { agent } },
      limits: { max_iterations: 5, turn_timeout_s: 10, idle_timeout_s: null, max_cost_usd: 0.6 },
    });
    const outcome = await run(root, fx.env, { config });
    expect(outcome).toMatchObject({ status: 'limit', exitCode: 4, turns: 3 });
    expect(outcome.reason).toBe('budget spent: $0.7500 used, max_cost_usd is 0.6');
    const saved = await state();
    expect(saved?.usage).toEqual({ input_tokens: 300, output_tokens: 60, cost_usd: 0.75 });
    expect(saved?.last_turn?.usage).toEqual({
      input_tokens: 100,
      output_tokens: 20,
      cost_usd: 0.25,
    });
    // Run again with the same budget: nothing runs.
    expect(await run(root, fx.env, { config })).toMatchObject({
      status: 'limit',
      exitCode: 4,
      turns: 0,
    });
  });

  it('fails with one clear line when the agent is not logged in', async () => {
    await writeFile(
      join(fx.bin, 'claude'),
      `#!/bin/sh\n[ "$1" = auth ] && exit 0\ncat > /dev/null\nprintf '%s\\n' '{"type":"result","subtype":"success","is_error":true,"result":"Invalid API key · Please run /login"}'\nexit 1\n`,
    );
    await import('node:fs/promises').then((fs) => fs.chmod(join(fx.bin, 'claude'), 0o755));
    const agent = { preset: 'claude' };
    const config = loopConfig({ actors: { galph: { agent }, ralph: { agent } } });
    const outcome = await run(root, fx.env, { config });
    expect(outcome).toMatchObject({ status: 'failed', exitCode: 1, turns: 1 });
    expect(outcome.reason).toBe(
      'galph (supervisor) in iteration 1 failed: claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY (Invalid API key · Please run /login)',
    );
    expect((await state())?.last_turn?.failure_kind).toBe('auth');
  });

  it('ends a turn when its agent exits though an escaped descendant holds the output open', async () => {
    const pidFile = join(fx.dir, 'escaped.pid');
    escaped.push(pidFile);
    const env = { ...fx.env, RC_TEST_ESCAPE: '1-galph-supervisor', RC_TEST_ESCAPE_PID: pidFile };
    const outcome = await within(10_000, run(root, env, { once: true }));
    expect(outcome).toMatchObject({ status: 'running', exitCode: 0, turns: 1 });
    const turn = (await state())?.last_turn;
    expect(turn?.outcome).toBe('success');
    expect(turn?.message).toMatch(
      /^fake-agent exited 0; [12] descendant process\(es\) still held the output open after it exited; their output was cut$/,
    );
    expect(await readFile(join(root, 'logs/1-galph-supervisor.log'), 'utf8')).toMatch(
      /^agent ran 1-galph-supervisor\n# rc: [12] descendant process\(es\) still held the output open/,
    );
  });

  it('records an interrupted turn, exits 130, and resumes it under a new log name', async () => {
    const controller = new AbortController();
    const env = { ...fx.env, RC_TEST_SLEEP: '1-ralph-main' };
    // Interrupt once the second turn's agent has started (its record line), not after a guess.
    const started = (async () => {
      while ((await recorded(fx.record)).length < 2) await new Promise((r) => setTimeout(r, 10));
      controller.abort();
    })();
    const outcome = await run(root, env, { signal: controller.signal });
    await started;
    expect(outcome).toMatchObject({ status: 'interrupted', exitCode: 130, turns: 2 });
    expect(await state()).toMatchObject({
      status: 'running',
      iteration: 1,
      expected_actor: 'ralph',
      counters: { interrupted: 1, turns: 2 },
    });
    expect(await run(root, fx.env, { signal: controller.signal })).toMatchObject({
      exitCode: 130,
      turns: 0,
    });
    const logs: string[] = [];
    const resumed = await run(root, fx.env, {
      once: true,
      onEvent: (event) => {
        if (event.type !== 'note') logs.push(`${event.type} ${event.turn}`);
        if (event.type === 'turn_start') logs.push(event.log);
      },
    });
    expect(resumed).toMatchObject({ status: 'running', exitCode: 0, turns: 1 });
    // The start names the transcript actually written, not the interrupted one's.
    expect(logs).toEqual(['turn_start 3', 'logs/1-ralph-main.1.log', 'turn_end 3']);
    expect((await state())?.last_turn?.log).toBe('logs/1-ralph-main.1.log');
  });

  it('stops at the total time limit and records it', async () => {
    let now = Date.parse('2026-11-20T16:15:00.000Z');
    const clock = () => new Date(now);
    const onEvent = (event: LoopEvent) => {
      if (event.type === 'turn_end') now += 100_000;
    };
    const config = loopConfig({ limits: { total_time_s: 150, idle_timeout_s: null } });
    const outcome = await run(root, fx.env, { config, clock, onEvent });
    expect(outcome).toMatchObject({
      status: 'limit',
      exitCode: 4,
      reason: 'total time limit reached',
      turns: 2,
    });
    expect((await state())?.status).toBe('limit');
  });

  it('refuses a missing prompt or a corrupt state before running anything (exit 2)', async () => {
    const config = loopConfig({ review: { every: 1, prompt: 'nope' } });
    await expect(run(root, fx.env, { config })).rejects.toThrow('the loop cannot start:');
    await mkdir(join(root, 'sync'), { recursive: true });
    await writeFile(join(root, 'sync/.state.json.1.abc.tmp'), '{"torn');
    await writeFile(join(root, 'sync/state.json'), '{"version": 1, "status": "running"');
    await expect(run(root, fx.env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('sync/state.json is not valid JSON'),
    });
    await writeFile(join(root, 'sync/state.json'), '{"version": 2}');
    await expect(run(root, fx.env)).rejects.toMatchObject({
      exitCode: 2,
      issues: expect.arrayContaining(['version: Invalid input: expected 1']),
    });
    expect(await recorded(fx.record)).toEqual([]);
    expect(await readdir(join(root, 'sync'))).toEqual(['state.json']);
  });

  it('needs a role and git sync for role mode', async () => {
    await expect(run(root, fx.env, { mode: 'role' })).rejects.toThrow(
      '--role galph|ralph is required',
    );
    await expect(run(root, fx.env, { mode: 'role', role: 'galph' })).rejects.toThrow(
      'loop.sync.mode',
    );
  });
});
