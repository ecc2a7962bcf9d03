import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterConfigLine, runRc } from './_harness';
import { loopFixture, LOOP_YAML } from './loop-fixture';

let fx: Awaited<ReturnType<typeof loopFixture>>;
beforeEach(async () => {
  fx = await loopFixture();
});
afterEach(() => fx.cleanup());

const rc = (args: string[], env: Record<string, string> = {}, signal?: AbortSignal) =>
  runRc(args, { cwd: fx.repo, env: { ...fx.env, ...env }, ...(signal ? { signal } : {}) });

describe('rc loop run', () => {
  it('runs combined mode to the iteration limit with one progress line per turn (exit 4)', async () => {
    const result = await rc(['loop', 'run']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^rc config: orchestration.yaml\n/);
    const lines = afterConfigLine(result.stderr).trim().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      expect.stringMatching(
        /^rc loop: iteration 1 galph supervisor \d+\.\ds success \(logs\/1-galph-supervisor\.log\)$/,
      ),
      expect.stringMatching(/^rc loop: iteration 1 ralph main .* success/),
      expect.stringMatching(/^rc loop: iteration 2 galph supervisor/),
      expect.stringMatching(/^rc loop: iteration 2 ralph main/),
      expect.stringMatching(/^rc loop: iteration 3 galph supervisor/),
      expect.stringMatching(/^rc loop: iteration 3 ralph main/),
    ]);
    expect(lines[6]).toBe('rc: loop stopped: max iterations (3) reached');
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
    expect(result.stderr).toContain('rc loop: iteration 2 ralph main');
    expect(result.stderr).toContain('success, done');
    expect(result.stderr).toContain(
      'rc loop: done: ralph printed RC_DONE in iteration 2 (4 turns this run)',
    );
    const status = await rc(['loop', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ version: 1, status: 'done' });
  });

  it('stops at once when an agent fails (exit 1) and runs it again with --retry --once', async () => {
    const failed = await rc(['loop', 'run'], { RC_TEST_FAIL: '1-ralph' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'rc: loop failed: ralph (main) in iteration 1 failed: fake-agent exited 5',
    );
    const once = await rc(['loop', 'run', '--retry', '--once']);
    expect(once.code).toBe(0);
    expect(once.stderr).toContain('rc loop: running: ran one turn (--once) (1 turns this run)');
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
