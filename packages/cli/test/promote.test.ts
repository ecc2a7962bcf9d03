import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterConfigLine, repoRoot, runRc } from './_harness';

// A real applier: records argv and RC_* env, then does what APPLIER_MODE says.
const APPLIER = `import { appendFileSync, existsSync } from 'node:fs';
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('RC_')));
appendFileSync(process.env.APPLIER_RECORD, JSON.stringify({ argv: process.argv.slice(2), env }) + '\\n');
const mode = process.env.APPLIER_MODE ?? 'ok';
if (mode === 'wait') { while (!existsSync(process.env.APPLIER_RELEASE)) await new Promise((r) => setTimeout(r, 20)); }
if (mode === 'kill-parent') process.kill(process.ppid, 'SIGKILL');
`;
const RUN = '2026-11-20T09-15-00-0700';
const run = (n: number) => `2026-11-20T09-${String(15 + n).padStart(2, '0')}-00-0700`;
let repo: string;
let env: Record<string, string>;

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rc-promote-'));
  await writeFile(join(repo, 'applier.mjs'), APPLIER);
  await writeFile(
    join(repo, 'orchestration.yaml'),
    `promotion:
  stages: [canary, stable]
  signals_file: ci/signals.json
  thresholds:
    - { metric: pass_rate, min: 0.95 }
    - { metric: error_rate, max: 0.01, on_breach: rollback }
  governance:
    allowed_actors: [alice]
    required_approvals: 1
  applier:
    command: [${JSON.stringify(process.execPath)}, applier.mjs, '{stage}']
`,
  );
  env = {
    APPLIER_RECORD: join(repo, 'calls.ndjson'),
    APPLIER_RELEASE: join(repo, 'go'),
  };
  await signals('1.0.0');
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

async function signals(version: string, metrics: object = { pass_rate: 0.99, error_rate: 0 }) {
  await mkdir(join(repo, 'ci'), { recursive: true });
  await writeFile(
    join(repo, 'ci/signals.json'),
    JSON.stringify({ candidate: { version }, metrics }),
  );
}
const statePath = () => join(repo, '.rc/promotion-state.json');
const state = async () => (existsSync(statePath()) ? readFile(statePath(), 'utf8') : null);
/** The applier's calls so far; a line it is still writing (no newline yet) is not one. */
const calls = async () => {
  const record = env['APPLIER_RECORD'] ?? '';
  const text = existsSync(record) ? await readFile(record, 'utf8') : '';
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as { argv: string[]; env: Record<string, string> });
};
const GOV = ['--actor', 'alice', '--approver', 'bob'];
const promote = (args: string[], extraEnv: Record<string, string> = {}) =>
  runRc(['promote', ...args], { cwd: repo, env: { ...env, ...extraEnv } });
const apply = (candidate: string, runId = RUN, extra: string[] = []) =>
  promote([
    '--mode',
    'apply',
    '--stage',
    'canary',
    '--candidate',
    candidate,
    '--intent',
    `promote ${candidate}`,
    '--run-id',
    runId,
    '--json',
    ...GOV,
    ...extra,
  ]);
const json = (stdout: string) =>
  JSON.parse(stdout) as {
    result: Record<string, unknown>;
    duplicate: boolean;
    recovered: Record<string, unknown>[];
  };

describe('rc promote without a promotion configured', () => {
  it.each(['dry_run', 'apply'])(
    'refuses %s (exit 2) and writes nothing when orchestration.yaml names no applier',
    async (mode) => {
      const empty = await mkdtemp(join(tmpdir(), 'rc-promote-empty-'));
      try {
        const result = await runRc(
          [
            'promote',
            '--mode',
            mode,
            '--stage',
            'canary',
            '--candidate',
            '1.4.0',
            '--intent',
            'promote 1.4.0',
            '--actor',
            'octocat',
            '--run-id',
            RUN,
          ],
          { cwd: empty },
        );
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('no promotion is configured here');
        expect(existsSync(join(empty, 'artifacts'))).toBe(false);
        expect(existsSync(join(empty, '.rc'))).toBe(false);
      } finally {
        await rm(empty, { recursive: true, force: true });
      }
    },
  );
});

describe('rc promote', () => {
  it('previews a dry run: plan and checks, no state, no applier', async () => {
    const out = await promote([
      '--mode',
      'dry_run',
      '--stage',
      'canary',
      '--candidate',
      '1.0.0',
      '--run-id',
      RUN,
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('dry_run: promote canary: previewed (exit 0)');
    expect(out.stdout).toContain('FAIL  governance: actor: no actor named');
    expect(await state()).toBeNull();
    expect(await calls()).toEqual([]);
    const summary = await readFile(join(repo, 'artifacts/promotion', RUN, 'summary.md'), 'utf8');
    expect(summary).toContain('| threshold pass_rate | pass |');
  });

  it('exits 1 with --fail-on-block when the dry run would be blocked, saying by what', async () => {
    await signals('1.0.0', { pass_rate: 0.5, error_rate: 0 });
    const args = ['--mode', 'dry_run', '--stage', 'canary', '--candidate', '1.0.0'];
    const plain = await promote([...args, '--intent', 'promote 1.0.0', '--run-id', run(1), ...GOV]);
    expect(plain.code).toBe(0);
    const gated = await promote([
      ...args,
      '--intent',
      'promote 1.0.0',
      '--run-id',
      run(2),
      '--json',
      '--fail-on-block',
      ...GOV,
    ]);
    expect(gated.code).toBe(1);
    expect(json(gated.stdout).result).toMatchObject({
      outcome: 'previewed',
      blocked_by: ['decision'],
    });
    expect(gated.stderr).toContain(
      'rc: dry run: an apply of canary would be blocked by decision (--fail-on-block)\n  decision: decision hold for 1.0.0',
    );
    const written = JSON.parse(
      await readFile(
        join(repo, 'artifacts/promotion', run(2), 'promotion-orchestrate-result.json'),
        'utf8',
      ),
    );
    expect(written.blocked_by).toEqual(['decision']);
    expect(await state()).toBeNull();
    expect(await calls()).toEqual([]);
  });

  it('exits 0 with --fail-on-block when the dry run would apply', async () => {
    const out = await promote([
      '--mode',
      'dry_run',
      '--stage',
      'canary',
      '--candidate',
      '1.0.0',
      '--intent',
      'promote 1.0.0',
      '--run-id',
      RUN,
      '--fail-on-block',
      ...GOV,
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('  - would promote canary');
    expect(out.stderr).not.toContain('rc:');
  });

  it('applies: forwards argv and trace id, records state, writes artifacts and the step summary', async () => {
    const stepSummary = join(repo, 'step-summary.md');
    await writeFile(stepSummary, '');
    const out = await apply('1.0.0', RUN, ['--trace-id', 'trace-abc', '--change-ticket', 'CHG-1']);
    expect(out.stderr).toBe('rc config: orchestration.yaml\n');
    expect(out.code).toBe(0);
    const [call] = await calls();
    expect(call?.argv.slice(0, 3)).toEqual(['canary', '--mode', 'apply']);
    expect(call?.env['RC_TRACE_ID']).toBe('trace-abc');
    for (const file of ['promotion-orchestrate-result.json', 'summary.md', 'applier.log']) {
      expect(await readFile(join(repo, 'artifacts/promotion', RUN, file), 'utf8')).toContain(
        'trace-abc',
      );
    }
    expect(await state()).toContain('trace-abc');
    const again = await apply('1.1.0', run(1), ['--trace-id', 'trace-def']);
    expect(again.code).toBe(1); // signals are for 1.0.0
    await signals('1.1.0');
    const inActions = await apply('1.1.0', run(2), []);
    expect(inActions.code).toBe(0);
    const withSummary = await promote(
      ['--mode', 'dry_run', '--stage', 'stable', '--candidate', '1.1.0', '--run-id', run(3)],
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: stepSummary,
        GITHUB_OUTPUT: join(repo, 'out'),
      },
    );
    expect(withSummary.code).toBe(0);
    expect(await readFile(stepSummary, 'utf8')).toContain('## rc promote: promote stable');
  });

  it('rolls back to the last known-good version and holds until released', async () => {
    await apply('1.0.0');
    await signals('1.1.0');
    await apply('1.1.0', run(1));
    const back = await promote([
      '--mode',
      'rollback',
      '--stage',
      'canary',
      '--candidate',
      '1.1.0',
      '--intent',
      'rollback: error spike',
      '--run-id',
      run(2),
      ...GOV,
      '--json',
    ]);
    expect(back.code).toBe(0);
    expect(json(back.stdout).result).toMatchObject({
      outcome: 'rolled_back',
      target: { version: '1.0.0' },
    });
    await signals('1.2.0');
    expect((await apply('1.2.0', run(3))).code).toBe(1);
    const release = await promote([
      '--mode',
      'release',
      '--stage',
      'canary',
      '--intent',
      'release: fixed',
      '--run-id',
      run(4),
      ...GOV,
    ]);
    expect(release.code).toBe(0);
    expect((await apply('1.2.0', run(5))).code).toBe(0);
  });

  it('fails governance with exit 1 and changes nothing', async () => {
    const out = await promote([
      '--mode',
      'apply',
      '--stage',
      'canary',
      '--candidate',
      '1.0.0',
      '--intent',
      'promote',
      '--actor',
      'mallory',
      '--run-id',
      RUN,
    ]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(
      'FAIL  governance: actor: mallory is not in allowed_actors; approvals: 0 approvals, 1 required',
    );
    expect(await state()).toBeNull();
  });

  it('gates apply on the decision (hold and rollback both block)', async () => {
    for (const [n, metrics] of [
      [1, { pass_rate: 0.5, error_rate: 0 }],
      [2, { pass_rate: 1, error_rate: 0.5 }],
    ] as const) {
      await signals('1.0.0', metrics);
      const out = await apply('1.0.0', run(n));
      expect(out.code).toBe(1);
      expect(json(out.stdout).result['outcome']).toBe('blocked');
    }
    expect(await calls()).toEqual([]);
  });

  it.each([
    [
      'apply with a hold decision',
      1,
      async () => signals('2.0.0', { pass_rate: 0.1, error_rate: 0 }),
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0.0'],
      [
        'decision: decision hold for 2.0.0: pass_rate: 0.1 for 2.0.0 (expected >= 0.95): breach, hold',
      ],
    ],
    [
      'apply with signals for another build',
      1,
      async () => signals('9.9.9'),
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0.0'],
      ['decision: decision hold for 2.0.0: signals are for 9.9.9, not candidate 2.0.0: hold'],
    ],
    [
      'apply of the current version',
      1,
      null,
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '1.0.0'],
      ['not_current: 1.0.0 is already current in canary'],
    ],
    [
      'apply to stable before canary',
      1,
      async () => signals('2.0.0'),
      ['--mode', 'apply', '--stage', 'stable', '--candidate', '2.0.0'],
      ['stage_order: 2.0.0 has not been promoted in canary, the stage before stable'],
    ],
    [
      'apply with a rollback intent',
      1,
      async () => signals('2.0.0'),
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0.0', '--intent', 'rollback now'],
      ['intent: intent "rollback now" asks for rollback, not apply'],
    ],
    [
      'rollback with no earlier version',
      1,
      null,
      ['--mode', 'rollback', '--stage', 'canary', '--intent', 'rollback'],
      ['known_good: stage canary has no earlier known-good version to roll back to'],
    ],
    [
      'rollback with a promote intent',
      1,
      null,
      ['--mode', 'rollback', '--stage', 'canary', '--intent', 'promote 3'],
      [
        'intent: intent "promote 3" asks for apply, not rollback',
        'known_good: stage canary has no earlier known-good version to roll back to',
      ],
    ],
    [
      'rollback of a version that is not current',
      1,
      null,
      ['--mode', 'rollback', '--stage', 'canary', '--candidate', '0.9.0', '--intent', 'rollback'],
      [
        'current: --candidate 0.9.0 is not the current version of canary (1.0.0)',
        'known_good: stage canary has no earlier known-good version to roll back to',
      ],
    ],
    [
      'release without a hold',
      1,
      null,
      ['--mode', 'release', '--stage', 'canary', '--intent', 'release'],
      ['hold: stage canary is not on hold'],
    ],
    [
      'apply without an intent',
      1,
      async () => signals('2.0.0'),
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0.0', '--intent', ''],
      ['governance: intent: an intent (--intent) is required'],
    ],
    [
      'an unknown stage',
      2,
      null,
      ['--mode', 'apply', '--stage', 'prod', '--candidate', '2.0.0'],
      ['unknown stage "prod" (configured: canary, stable)'],
    ],
    [
      'an unknown mode',
      2,
      null,
      ['--mode', 'deploy', '--stage', 'canary', '--candidate', '2.0.0'],
      ['--mode: unknown mode "deploy" (expected dry_run, apply, rollback, release)'],
    ],
    [
      'apply without a candidate',
      2,
      null,
      ['--mode', 'apply', '--stage', 'canary'],
      ['--candidate is required with --mode apply'],
    ],
    [
      'a malformed candidate',
      2,
      null,
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0@nothex'],
      ['--candidate: candidate: digest "nothex" is not like sha256:<hex>'],
    ],
    [
      '--approvals with --approver',
      2,
      null,
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0.0', '--approvals', '2'],
      ['--approvals and --approver cannot be used together'],
    ],
    [
      'malformed signals',
      2,
      async () => writeFile(join(repo, 'ci/signals.json'), '{"candidate":'),
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0.0'],
      ['signals <repo>/ci/signals.json is not valid JSON'],
    ],
    [
      'a bad run id',
      2,
      null,
      ['--mode', 'apply', '--stage', 'canary', '--candidate', '2.0.0', '--run-id', 'yesterday'],
      ['--run-id: run id: "yesterday" does not have the shape YYYY-MM-DDTHH-mm-ss-0700'],
    ],
  ] as const)(
    'rejects %s (exit %i) for the reasons it names, state byte-identical',
    async (_, code, prepare, args, reasons) => {
      expect((await apply('1.0.0')).code).toBe(0);
      await prepare?.();
      const before = await state();
      const callsBefore = (await calls()).length;
      const intent = (args as readonly string[]).includes('--intent')
        ? []
        : ['--intent', args[1] === 'apply' ? 'promote' : args[1]];
      const out = await promote(['--run-id', run(9), ...GOV, ...intent, ...args]);
      expect(out.code).toBe(code);
      if (code === 1) {
        const failed = out.stdout.split('\n').filter((line) => line.startsWith('  - '));
        expect(failed).toEqual(reasons.map((reason) => `  - ${reason}`));
      } else {
        // Flags are checked before the config is looked for: the config line comes only after.
        const stderr = out.stderr.replace(/^rc config: orchestration\.yaml\n/, '');
        expect(stderr.replace(repo, '<repo>')).toBe(`rc: ${reasons.join('')}\n`);
      }
      expect(await state()).toBe(before);
      expect((await calls()).length).toBe(callsBefore);
    },
  );

  it('makes a repeated apply a no-op returning the recorded result', async () => {
    const first = await apply('1.0.0');
    const before = await state();
    const second = await apply('1.0.0');
    expect(second.code).toBe(0);
    expect(json(second.stdout).duplicate).toBe(true);
    expect(json(second.stdout).result).toEqual(json(first.stdout).result);
    expect(await state()).toBe(before);
    expect(await calls()).toHaveLength(1);
    const reused = await apply('1.0.0', run(1), [
      '--idempotency-key',
      String(json(first.stdout).result['idempotency_key']),
      '--candidate',
      '1.0.0',
    ]);
    expect(reused.code).toBe(0);
  });

  it('rejects a concurrent promotion of the same stage with exit 3', async () => {
    const first = promote(
      [
        '--mode',
        'apply',
        '--stage',
        'canary',
        '--candidate',
        '1.0.0',
        '--intent',
        'promote',
        '--run-id',
        RUN,
        ...GOV,
      ],
      { APPLIER_MODE: 'wait' },
    );
    while ((await calls()).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await apply('1.0.0', run(1));
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`a promotion of stage canary is already in flight (run ${RUN}`);
    await writeFile(env['APPLIER_RELEASE'] ?? '', '');
    expect((await first).code).toBe(0);
  });

  it('recovers after the CLI is killed between applier and record', async () => {
    const rcBin = join(repoRoot, 'packages/cli/dist/rc.cjs');
    const crashed = spawnSync(
      process.execPath,
      [
        rcBin,
        'promote',
        '--mode',
        'apply',
        '--stage',
        'canary',
        '--candidate',
        '1.0.0',
        '--intent',
        'promote',
        '--run-id',
        RUN,
        ...GOV,
      ],
      {
        cwd: repo,
        env: { ...env, APPLIER_MODE: 'kill-parent' },
        encoding: 'utf8',
      },
    );
    expect(crashed.signal).toBe('SIGKILL');
    expect(await calls()).toHaveLength(1);
    expect(existsSync(`${statePath()}.canary.journal.json`)).toBe(true);
    expect(await state()).toBeNull();
    await signals('1.1.0');
    const next = await apply('1.1.0', run(1));
    expect(next.code).toBe(1);
    expect(next.stderr).toContain(`reconciled a crashed run ${RUN} (promote canary): unknown`);
    const body = json(next.stdout);
    expect(body.recovered[0]).toMatchObject({
      outcome: 'unknown',
      run_id: RUN,
      recovered_by: run(1),
    });
    expect(body.result['reasons']).toEqual([
      expect.stringContaining('on hold (outcome of promote to 1.0.0 is unknown'),
    ]);
    expect(existsSync(`${statePath()}.canary.journal.json`)).toBe(false);
    const recorded = JSON.parse(
      await readFile(
        join(repo, 'artifacts/promotion', RUN, 'promotion-orchestrate-result.json'),
        'utf8',
      ),
    );
    expect(recorded.outcome).toBe('unknown');
    expect(
      (
        await promote([
          '--mode',
          'release',
          '--stage',
          'canary',
          '--intent',
          'release: verified',
          '--run-id',
          run(2),
          ...GOV,
        ])
      ).code,
    ).toBe(0);
    expect((await apply('1.1.0', run(3))).code).toBe(0);
  });
});

describe('rc promote: hardening', () => {
  const summaryOf = (runId = RUN) =>
    readFile(join(repo, 'artifacts/promotion', runId, 'summary.md'), 'utf8');
  const requireApprovals = async (count: number) => {
    const path = join(repo, 'orchestration.yaml');
    const config = await readFile(path, 'utf8');
    await writeFile(
      path,
      config.replace(/required_approvals: \d+/, `required_approvals: ${count}`),
    );
  };
  const applyAs = (who: string[]) =>
    promote([
      '--mode',
      'apply',
      '--stage',
      'canary',
      '--candidate',
      '1.0.0',
      '--intent',
      'promote 1.0.0',
      '--run-id',
      RUN,
      ...who,
    ]);

  it('keeps a hostile intent literal in summary.md and the step summary', async () => {
    const stepSummary = join(repo, 'step-summary.md');
    await writeFile(stepSummary, '');
    const out = await promote(
      [
        '--mode',
        'apply',
        '--stage',
        'canary',
        '--candidate',
        '1.0.0',
        '--intent',
        'promote x\n## Approved by CTO\n<!--',
        '--actor',
        'alice',
        '--run-id',
        RUN,
      ],
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: stepSummary,
        GITHUB_OUTPUT: join(repo, 'out'),
      },
    );
    expect(out.code).toBe(1);
    for (const summary of [await summaryOf(), await readFile(stepSummary, 'utf8')]) {
      expect(summary.split('\n').filter((line) => line.startsWith('#'))).toEqual([
        '## rc promote: promote canary — BLOCKED',
        '### Reasons',
      ]);
      expect(summary).not.toContain('<!--');
      expect(summary).toContain('intent: promote x \\#\\# Approved by CTO \\<\\!--;');
      expect(summary).toContain('| governance approvals | FAIL | 0 approvals, 1 required |');
    }
  });

  it.each([
    ['an empty approver', ['--approver', ''], '--approver'],
    ['a blank approver', ['--approver', ' '], '--approver'],
    ['an approver that is not a login', ['--approver', 'bob <b>'], '--approver'],
    ['an empty actor', ['--actor', ''], '--actor'],
    ['a blank actor', ['--actor', '  '], '--actor'],
  ])('rejects %s (exit 2, names the flag), nothing written', async (_, flags, flag) => {
    const out = await applyAs(['--actor', 'alice', '--approver', 'bob', ...flags]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(flag);
    expect(await state()).toBeNull();
    expect(existsSync(join(repo, 'artifacts'))).toBe(false);
    expect(await calls()).toEqual([]);
  });

  it.each([
    ['the actor plus a space', 1, ['--actor', 'alice', '--approver', 'alice ']],
    ['the actor in another case', 1, ['--actor', 'alice', '--approver', 'Alice']],
    ['the actor padded, upper-case', 1, ['--actor', 'ALICE', '--approver', ' alice\t']],
    [
      'one login twice in two cases',
      2,
      ['--actor', 'alice', '--approver', 'hubot', '--approver', 'HUBOT'],
    ],
  ])('does not count %s as another approval (exit 1)', async (_, needed, who) => {
    await requireApprovals(needed);
    const out = await applyAs(who);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`approvals: ${needed - 1} approval`);
    expect(await state()).toBeNull();
    expect(await calls()).toEqual([]);
  });

  it.each([
    ['an allowed actor in another case', 1, ['--actor', ' Alice ', '--approver', 'bob']],
    ['two distinct approvers', 2, ['--actor', 'alice', '--approver', 'hubot', '--approver', 'Bob']],
  ])('promotes with %s', async (_, needed, who) => {
    await requireApprovals(needed);
    const out = await applyAs([...who, '--json']);
    expect(afterConfigLine(out.stderr)).toBe('');
    expect(out.code).toBe(0);
    expect(json(out.stdout).result).toMatchObject({ actor: 'alice', outcome: 'promoted' });
  });

  // "true" and "github" cannot be secrets (a JSON keyword, too short a word): the artifact parses
  // and keeps them, instead of blanking every `true` and every mention of github.
  it('writes a result file that parses with USE_SSH_KEY=true and DEPLOY_KEY=github set', async () => {
    const out = await promote(
      [
        '--mode',
        'apply',
        '--stage',
        'canary',
        '--candidate',
        '1.0.0',
        '--intent',
        'promote 1.0.0 from github',
        '--run-id',
        RUN,
        ...GOV,
      ],
      { USE_SSH_KEY: 'true', DEPLOY_KEY: 'github' },
    );
    expect(out.code).toBe(0);
    const text = await readFile(
      join(repo, 'artifacts/promotion', RUN, 'promotion-orchestrate-result.json'),
      'utf8',
    );
    const result = JSON.parse(text) as Record<string, unknown>;
    expect(result).toMatchObject({
      outcome: 'promoted',
      exit_code: 0,
      intent: 'promote 1.0.0 from github',
    });
    expect(text).not.toContain('***');
    expect(await summaryOf()).toContain('github');
  });
});
