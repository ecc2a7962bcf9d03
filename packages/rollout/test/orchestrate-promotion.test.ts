import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPromotionJournal } from '../src/promotion-journal';
import { makeFixture, type Fixture } from './_fixture';

let fx: Fixture;
beforeEach(async () => {
  fx = await makeFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

const RUN2 = '2026-11-20T09-20-00-0700';
const RUN3 = '2026-11-20T09-25-00-0700';
const artifact = async (runId: string) =>
  JSON.parse(
    await readFile(
      join(fx.dir, 'artifacts/promotion', runId, 'promotion-orchestrate-result.json'),
      'utf8',
    ),
  );

async function promoteTwice() {
  await fx.writeSignals('1.0.0');
  expect((await fx.promote({ candidate: '1.0.0' })).result.outcome).toBe('promoted');
  await fx.writeSignals('1.1.0');
  expect((await fx.promote({ candidate: '1.1.0', runId: RUN2 })).result.outcome).toBe('promoted');
}

describe('orchestratePromotion', () => {
  it('previews without touching state or running the applier', async () => {
    await fx.writeSignals('1.0.0');
    const run = await fx.promote({ mode: 'dry_run' });
    expect(run.result).toMatchObject({
      outcome: 'previewed',
      exit_code: 0,
      target: { version: '1.0.0' },
    });
    expect(run.result.reasons[0]).toBe('would promote canary');
    expect(run.result.blocked_by).toEqual([]);
    expect(await fx.state()).toBeNull();
    expect(await fx.calls()).toEqual([]);
    expect(existsSync(join(run.paths.runDir, 'summary.md'))).toBe(true);
  });

  it('applies: runs the applier with fixed argv and env, records the version', async () => {
    await fx.writeSignals('1.0.0');
    const run = await fx.promote({ traceId: 'trace-123', idempotencyKey: 'key-1' });
    expect(run.result).toMatchObject({ outcome: 'promoted', exit_code: 0, trace_id: 'trace-123' });
    const [call] = await fx.calls();
    expect(call?.argv).toEqual([
      'deploy',
      '--target=canary',
      '--mode',
      'apply',
      '--stage',
      'canary',
      '--version',
      '1.0.0',
      '--digest',
      '',
      '--previous',
      '',
      '--run-id',
      '2026-11-20T09-15-00-0700',
      '--idempotency-key',
      'key-1',
      '--trace-id',
      'trace-123',
    ]);
    expect(call?.env).toMatchObject({
      RC_TRACE_ID: 'trace-123',
      RC_IDEMPOTENCY_KEY: 'key-1',
      RC_PROMOTION_STAGE: 'canary',
    });
    const state = JSON.parse((await fx.state()) ?? '');
    expect(state.stages.canary.current).toEqual({ version: '1.0.0', digest: null });
    expect(state.stages.canary.history[0]).toMatchObject({
      kind: 'promote',
      outcome: 'succeeded',
      trace_id: 'trace-123',
    });
    const log = await readFile(join(run.paths.runDir, 'applier.log'), 'utf8');
    expect(log).toContain('trace-123');
    expect(log).toMatch(
      /^# trace trace-123 run 2026-11-20T09-15-00-0700\n# .*applier\.mjs deploy --target=canary .*\ndeploying deploy --target=canary /,
    );
    expect(await readPromotionJournal(run.paths.journal, 'canary')).toBeNull();
  });

  it('records a failing applier as failed and keeps the old version', async () => {
    fx.env['APPLIER_MODE'] = 'fail';
    await fx.writeSignals('1.0.0');
    const run = await fx.promote({});
    expect(run.result).toMatchObject({
      outcome: 'failed',
      exit_code: 1,
      applier: { exit_code: 7 },
    });
    expect(JSON.parse((await fx.state()) ?? '').stages.canary.current).toBeNull();
  });

  it('streams the applier transcript into applier.log and keeps it redacted', async () => {
    fx.env['DEPLOY_TOKEN'] = 'tok-0123456789-secret';
    fx.env['APPLIER_ECHO'] = 'using tok-0123456789-secret now';
    await fx.writeSignals('1.0.0');
    const run = await fx.promote({});
    expect(run.result.outcome).toBe('promoted');
    expect(run.result.applier?.log).toBe(
      join('artifacts/promotion', '2026-11-20T09-15-00-0700', 'applier.log'),
    );
    const log = await readFile(join(run.paths.runDir, 'applier.log'), 'utf8');
    expect(log).toContain('deploying deploy --target=canary');
    expect(log).toContain('using *** now');
    expect(log).not.toContain('tok-0123456789-secret');
  });

  it('rolls back to the last known-good version, holds the stage until released', async () => {
    await promoteTwice();
    const rollback = await fx.promote({
      mode: 'rollback',
      candidate: '1.1.0',
      intent: 'rollback: errors',
      runId: RUN3,
    });
    expect(rollback.result).toMatchObject({ outcome: 'rolled_back', target: { version: '1.0.0' } });
    expect((await fx.calls()).at(-1)?.argv).toContain('rollback');
    await fx.writeSignals('1.2.0');
    const held = await fx.promote({ candidate: '1.2.0', runId: '2026-11-20T09-30-00-0700' });
    expect(held.result.outcome).toBe('blocked');
    expect(held.result.reasons.join()).toContain('on hold');
    const released = await fx.promote({
      mode: 'release',
      candidate: null,
      intent: 'release after fix',
      runId: '2026-11-20T09-35-00-0700',
    });
    expect(released.result).toMatchObject({ outcome: 'released', exit_code: 0 });
    const again = await fx.promote({ candidate: '1.2.0', runId: '2026-11-20T09-40-00-0700' });
    expect(again.result.outcome).toBe('promoted');
    const state = JSON.parse((await fx.state()) ?? '');
    expect(state.stages.canary.history.map((e: { kind: string }) => e.kind)).toEqual([
      'promote',
      'promote',
      'rollback',
      'release',
      'promote',
    ]);
  });

  it('never rolls back to a version it rolled back from', async () => {
    await promoteTwice();
    expect(
      (await fx.promote({ mode: 'rollback', candidate: null, intent: 'rollback', runId: RUN3 }))
        .result.outcome,
    ).toBe('rolled_back');
    const second = await fx.promote({
      mode: 'rollback',
      candidate: null,
      intent: 'rollback',
      runId: '2026-11-20T09-30-00-0700',
    });
    expect(second.result.outcome).toBe('blocked');
    expect(second.result.reasons.join()).toContain('no earlier known-good');
  });

  it('blocks apply on governance failure and changes nothing', async () => {
    await fx.writeSignals('1.0.0');
    const run = await fx.promote({ actor: null });
    expect(run.result).toMatchObject({ outcome: 'blocked', exit_code: 1 });
    expect(run.result.reasons.join()).toContain('governance: actor: no actor named');
    expect(await fx.state()).toBeNull();
    expect(await fx.calls()).toEqual([]);
  });

  it.each([
    ['hold', { pass_rate: 0.5, error_rate: 0 }],
    ['rollback', { pass_rate: 1, error_rate: 0.5 }],
    ['hold', { pass_rate: 1 }],
  ])('blocks apply when the decision is %s', async (outcome, metrics) => {
    await fx.writeSignals('1.0.0', metrics);
    const run = await fx.promote({});
    expect(run.result.decision?.outcome).toBe(outcome);
    expect(run.result.outcome).toBe('blocked');
    expect(run.result.blocked_by).toEqual(['decision']);
    expect(await fx.calls()).toEqual([]);
  });

  it('says in blocked_by which checks a dry run would be blocked by, and still exits 0', async () => {
    await fx.writeSignals('1.0.0', { pass_rate: 0.5, error_rate: 0 });
    const run = await fx.promote({ mode: 'dry_run', actor: null });
    expect(run.result).toMatchObject({
      outcome: 'previewed',
      exit_code: 0,
      blocked_by: ['decision', 'governance'],
    });
    expect(run.result.reasons[0]).toBe('would be blocked by decision, governance');
    const written = await artifact(run.result.run_id);
    expect(written.blocked_by).toEqual(['decision', 'governance']);
    const summary = await readFile(join(run.paths.runDir, 'summary.md'), 'utf8');
    expect(summary).toContain('- an apply would be blocked by: `decision`, `governance`');
    expect(await fx.calls()).toEqual([]);
  });

  it('is a no-op returning the recorded result for a repeated key', async () => {
    await fx.writeSignals('1.0.0');
    const first = await fx.promote({});
    const stateAfter = await fx.state();
    const repeat = await fx.promote({});
    expect(repeat.duplicate).toBe(true);
    expect(repeat.result).toEqual(first.result);
    expect(await fx.state()).toBe(stateAfter);
    expect(await fx.calls()).toHaveLength(1);
    await expect(
      fx.promote({ candidate: '2.0.0', idempotencyKey: first.result.idempotency_key }),
    ).rejects.toMatchObject({ exitCode: 3 });
  });

  it('does not replay a recorded result that is not one (validated, not cast)', async () => {
    await fx.writeSignals('1.0.0');
    const first = await fx.promote({});
    const file = join(
      fx.dir,
      'artifacts/promotion',
      first.result.run_id,
      'promotion-orchestrate-result.json',
    );
    // The key matches, the rest is not a promotion result: replaying it would hand it back as one.
    await writeFile(file, JSON.stringify({ idempotency_key: first.result.idempotency_key }));
    await expect(fx.promote({})).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('its result artifact is missing'),
    });
    expect(await fx.calls()).toHaveLength(1);
  });

  it('rejects a second promotion of the same stage while one is in flight (exit 3)', async () => {
    fx.env['APPLIER_MODE'] = 'wait';
    await fx.writeSignals('1.0.0');
    const first = fx.promote({});
    while ((await fx.calls()).length === 0) await new Promise((r) => setTimeout(r, 20));
    await expect(fx.promote({ runId: RUN2 })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('already in flight'),
    });
    await writeFile(fx.env['APPLIER_RELEASE'] ?? '', '');
    expect((await first).result.outcome).toBe('promoted');
  });

  it('writes the journal a crash leaves behind redacted, and still recovers from it', async () => {
    const secret = 'deploy-passphrase-0123';
    fx.env['DEPLOY_TOKEN'] = secret;
    fx.env['APPLIER_MODE'] = 'hold-state-lock';
    await fx.writeSignals('1.0.0');
    await expect(fx.promote({ intent: `ship it with ${secret}` })).rejects.toMatchObject({
      exitCode: 3,
    });
    const journal = await readFile(`${fx.statePath}.canary.journal.json`, 'utf8');
    expect(journal).toContain('ship it with ***');
    expect(journal).not.toContain(secret);
    await rm(`${fx.statePath}.lock`);
    delete fx.env['APPLIER_MODE'];
    const apply = await fx.promote({ runId: RUN2 });
    expect(apply.recovered[0]).toMatchObject({ outcome: 'promoted' });
  });

  it('finishes recording after a crash between applier and record', async () => {
    fx.env['APPLIER_MODE'] = 'hold-state-lock';
    await fx.writeSignals('1.0.0');
    await expect(fx.promote({})).rejects.toMatchObject({ exitCode: 3 });
    const paths = fx.statePath;
    expect((await readPromotionJournal(`${paths}.canary.journal.json`, 'canary'))?.phase).toBe(
      'applied',
    );
    expect(await fx.state()).toBeNull();
    await rm(`${paths}.lock`);
    delete fx.env['APPLIER_MODE'];
    await fx.writeSignals('1.1.0');
    const next = await fx.promote({ mode: 'dry_run', candidate: '1.1.0', runId: RUN2 });
    expect(next.result.reasons.join()).toContain('left a journal');
    const apply = await fx.promote({ candidate: '1.1.0', runId: RUN2 });
    expect(apply.recovered).toHaveLength(1);
    expect(apply.recovered[0]).toMatchObject({
      outcome: 'promoted',
      recovered_by: RUN2,
      run_id: '2026-11-20T09-15-00-0700',
    });
    expect((await artifact('2026-11-20T09-15-00-0700')).outcome).toBe('promoted');
    expect(apply.result).toMatchObject({
      outcome: 'promoted',
      versions: { before: { version: '1.0.0' } },
    });
    expect(await fx.calls()).toHaveLength(2);
  });

  it('reports an unknown outcome and holds the stage when the applier never reported back', async () => {
    await fx.writeSignals('1.0.0');
    await fx.promote({});
    const journal = `${fx.statePath}.canary.journal.json`;
    const run = await fx.promote({ mode: 'dry_run', candidate: '1.0.0' });
    await writeFile(
      journal,
      JSON.stringify({
        schema: 'rc.promotion-journal.v1',
        phase: 'started',
        attempt: 1,
        entry: {
          ...JSON.parse((await fx.state()) ?? '').stages.canary.history[0],
          version: '1.1.0',
          previous: { version: '1.0.0', digest: null },
          run_id: RUN2,
          idempotency_key: 'k2',
        },
        result: {
          ...run.result,
          mode: 'apply',
          run_id: RUN2,
          idempotency_key: 'k2',
          target: { version: '1.1.0', digest: null },
          applier: {
            argv: [],
            exit_code: null,
            signal: null,
            timed_out: false,
            note: null,
            log: 'x',
          },
        },
        applier: null,
      }),
    );
    // The crashed run's applier had streamed a raw transcript: recovery redacts it.
    fx.env['DEPLOY_TOKEN'] = 'tok-0123456789-secret';
    const crashedLog = join(fx.dir, 'artifacts/promotion', RUN2, 'applier.log');
    await mkdir(dirname(crashedLog), { recursive: true });
    await writeFile(crashedLog, '# trace t\nraw tok-0123456789-secret\n');
    await fx.writeSignals('1.1.0');
    const next = await fx.promote({ candidate: '1.1.0', runId: RUN3 });
    expect(next.recovered[0]).toMatchObject({ outcome: 'unknown', exit_code: 1 });
    expect(await readFile(crashedLog, 'utf8')).toBe('# trace t\nraw ***\n');
    expect(next.result.outcome).toBe('blocked');
    const state = JSON.parse((await fx.state()) ?? '');
    expect(state.stages.canary.hold.reason).toContain('unknown');
    expect(state.stages.canary.current.version).toBe('1.0.0');
  });
});
