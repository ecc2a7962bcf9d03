import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterConfigLine, runRc } from './_harness';
import { loopFixture, LOOP_YAML, spawnRc } from './loop-fixture';

let fx: Awaited<ReturnType<typeof loopFixture>>;
beforeEach(async () => {
  fx = await loopFixture();
});
afterEach(() => fx.cleanup());

const rc = (args: string[], env: Record<string, string> = {}, signal?: AbortSignal) =>
  runRc(args, { cwd: fx.repo, env: { ...fx.env, ...env }, ...(signal ? { signal } : {}) });

describe('rc loop run', () => {
  it('runs combined mode to the iteration limit with a start and an end line per turn (exit 4)', async () => {
    const result = await rc(['loop', 'run', '--log-format', 'text']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^rc config: orchestration.yaml\n/);
    const lines = afterConfigLine(result.stderr).trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'rc loop: turn 1 (supervisor) iteration 1 galph supervisor started, agent custom fake-agent, log logs/1-galph-supervisor.log',
      expect.stringMatching(
        /^rc loop: turn 1 \(supervisor\) iteration 1 galph supervisor \d+\.\ds success \(logs\/1-galph-supervisor\.log\)$/,
      ),
      'rc loop: turn 2 (worker) iteration 1 ralph main started, agent custom fake-agent, log logs/1-ralph-main.log',
      expect.stringMatching(/^rc loop: turn 2 \(worker\) iteration 1 ralph main .* success/),
    ]);
    expect(lines.filter((line) => line.includes(' started, '))).toHaveLength(6);
    expect(lines[11]).toMatch(/^rc loop: turn 6 \(worker\) iteration 3 ralph main /);
    expect(lines[12]).toBe('rc: loop stopped: max iterations (3) reached');
    expect((await readFile(fx.record, 'utf8')).trim().split('\n')).toHaveLength(6);
    const status = await rc(['loop', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('status:    limit (max iterations (3) reached)');
    expect(status.stdout).toContain(
      'turns:     6 (galph 3, ralph 3, reviews 0, failures 0, interrupted 0)',
    );
    expect(status.stdout).toMatch(
      /last turn: iteration 3 ralph main: success, 2026-11-20T09:15:00.000-07:00 -> .* log logs\/3-ralph-main.log/,
    );
  });

  it('finishes with exit 0 and JSON when an agent declares the work done', async () => {
    const result = await rc(['loop', 'run', '--max-iterations', '2', '--json'], {
      RC_TEST_DONE: '2-ralph',
    });
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({
      status: 'done',
      exit_code: 0,
      turns: 4,
      state: { status: 'done', counters: { turns: 4 } },
    });
    // Not a terminal: one JSON object per line.
    const events = result.stderr
      .trim()
      .split('\n')
      // Only `rc: ` messages (errors, notices) and the `rc config: ` line stay text.
      .filter((line) => !line.startsWith('rc: ') && !line.startsWith('rc config: '))
      .map((line) => JSON.parse(line));
    expect(events.map((event) => `${event.event} ${event.turn ?? ''}`)).toEqual([
      'turn_start 1',
      'turn_end 1',
      'turn_start 2',
      'turn_end 2',
      'turn_start 3',
      'turn_end 3',
      'turn_start 4',
      'turn_end 4',
      'loop_end ',
    ]);
    expect(events[6]).toMatchObject({
      level: 'info',
      msg: 'rc loop: turn 4 (worker) iteration 2 ralph main started, agent custom fake-agent, log logs/2-ralph-main.log',
      role: 'worker',
      prompt: 'main',
      agent: 'custom fake-agent',
      log: 'logs/2-ralph-main.log',
    });
    expect(events[7]).toMatchObject({
      outcome: 'success',
      done: true,
      exit_code: 0,
      duration_ms: expect.any(Number),
    });
    expect(events[8]).toMatchObject({
      msg: 'rc loop: done: ralph printed RC_DONE in iteration 2 (4 turns this run)',
      status: 'done',
      exit_code: 0,
      turns: 4,
    });
    const status = await rc(['loop', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ version: 1, status: 'done' });
  });

  it('stops at once when an agent fails (exit 1) and runs it again with --retry --once', async () => {
    const failed = await rc(['loop', 'run'], { RC_TEST_FAIL: '1-ralph' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'rc: loop failed: ralph (main) in iteration 1 failed: fake-agent exited 5\n  once the cause is fixed, run rc loop run --retry (with the same options): the failed turn runs again\n',
    );
    // The cause is gone, but the state still says failed: rc says so and how to go on.
    const again = await rc(['loop', 'run']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'rc: the loop failed in an earlier run and nothing ran now: ralph (main) in iteration 1 failed: fake-agent exited 5\n  once the cause is fixed, run rc loop run --retry (with the same options): the failed turn runs again\n',
    );
    expect((await readFile(fx.record, 'utf8')).trim().split('\n')).toEqual(['1 galph supervisor']);
    const once = await rc(['loop', 'run', '--retry', '--once']);
    expect(once.code).toBe(0);
    expect(once.stderr).toContain(
      '"msg":"rc loop: running: ran one turn (--once) (1 turns this run)"',
    );
  });

  it('prints a heartbeat while a turn runs when stderr is not a terminal, then the turn end', async () => {
    const release = join(fx.dir, 'release');
    const rcRun = spawnRc(
      ['loop', 'run', '--max-iterations', '1', '--heartbeat', '0.05'],
      fx.repo,
      {
        ...fx.env,
        RC_TEST_WAIT: release,
      },
    );
    let seen = '';
    // Release the agent once a heartbeat has been seen: no guess at how long that takes.
    await new Promise<void>((resolve) => {
      rcRun.child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('"event":"heartbeat"')) resolve();
      });
    });
    await writeFile(release, '');
    const result = await rcRun.exited;
    expect(result.code).toBe(4);
    const lines = result.stderr.trim().split('\n');
    const events = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    const firstEnd = events.findIndex((event) => event.event === 'turn_end');
    const beats = events.filter((event) => event.event === 'heartbeat' && event.turn === 1);
    expect(beats.length).toBeGreaterThan(0);
    expect(beats[0]).toMatchObject({
      level: 'info',
      role: 'supervisor',
      prompt: 'supervisor',
      log: 'logs/1-galph-supervisor.log',
      elapsed_ms: expect.any(Number),
      msg: expect.stringMatching(
        /^rc loop: turn 1 \(supervisor\) still running, \d+\.\ds, log logs\/1-galph-supervisor\.log$/,
      ),
    });
    // Turn 1's heartbeats stop when it ends.
    expect(events.lastIndexOf(beats[beats.length - 1])).toBeLessThan(firstEnd);
    expect(lines[lines.length - 1]).toBe('rc: loop stopped: max iterations (1) reached');
  });

  it('keeps secrets out of the JSON lines, each line still valid JSON', async () => {
    const secret = 'Zq8-log-dir-secret-4711';
    await writeFile(
      join(fx.repo, 'orchestration.yaml'),
      LOOP_YAML(`  logs_dir: logs-${secret}\n`).replace('max_iterations: 3', 'max_iterations: 1'),
    );
    const result = await rc(['loop', 'run', '--heartbeat', '0'], { DEPLOY_TOKEN: secret });
    expect(result.code).toBe(4);
    expect(result.stderr).not.toContain(secret);
    const events = result.stderr
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({
      event: 'turn_start',
      log: 'logs-***/1-galph-supervisor.log',
    });
  });

  it('refuses a bad heartbeat interval (exit 2) before running anything', async () => {
    const result = await rc(['loop', 'run'], { RC_HEARTBEAT_S: 'soon' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'rc: RC_HEARTBEAT_S: expected seconds between heartbeats (0 turns them off), got "soon"',
    );
    const bad = await rc(['loop', 'run', '--log-format', 'xml']);
    expect(bad.code).toBe(2);
    expect(await readFile(fx.record, 'utf8').catch(() => 'nothing ran')).toBe('nothing ran');
  });

  it('exits 130 when interrupted, with the turn recorded', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await rc(['loop', 'run'], { RC_TEST_SLEEP: '5' }, controller.signal);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('killed');
    expect(result.stderr).toContain(
      'rc: loop interrupted; the turn was recorded, run again to resume',
    );
  });

  it('refuses bad flags, a bad config and a corrupt state with exit 2', async () => {
    expect((await rc(['loop', 'run', '--max-iterations', '0'])).stderr).toContain(
      '--max-iterations: expected a positive integer, got "0"',
    );
    expect((await rc(['loop', 'run', '--mode', 'solo'])).code).toBe(2);
    await writeFile(join(fx.repo, 'bad.yaml'), LOOP_YAML('  router: { enabled: maybe }\n'));
    const bad = await rc(['loop', 'run', '--config', 'bad.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('loop.router.enabled');
    await mkdir(join(fx.repo, 'sync'));
    await writeFile(join(fx.repo, 'sync/state.json'), '{"version":1}\n');
    const status = await rc(['loop', 'status']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('rc: sync/state.json is not a valid loop state:');
    expect((await rc(['loop', 'run'])).code).toBe(2);
  });

  it('says when the loop has not run, and documents itself in --help', async () => {
    expect((await rc(['loop', 'status'])).stdout).toBe(
      'no loop state at sync/state.json: the loop has not run here yet\n',
    );
    expect((await rc(['loop', 'status', '--json'])).stdout).toBe('null\n');
    const help = await rc(['loop', 'run', '--help']);
    expect(help.stdout).toContain('--mode <mode>');
    expect(help.stdout).toContain(`"combined", "role"`);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('rc loop run --mode role --role ralph');
  });
});
