import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRedactor,
  InvalidInputError,
  OperationError,
  type DispatchPlan,
  type GitHubEvent,
} from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dispatchConfig,
  issueCommentEvent,
  NOW,
  RUN_ID,
  workflowDispatchEvent,
} from '../test/fixtures/events';
import { buildEnvelope } from './build-envelope';
import { decideDispatch, PLAN_ONLY_REASON } from './decide-dispatch';
import { toDispatchEvent } from './dispatch-event';
import type { DispatchLogEntry } from './dispatch-log-entry';
import { planFromEvent } from './plan-from-event';
import { runDispatch, type FireRequest, type RunDispatchInput } from './run-dispatch';

const redactor = createRedactor({ env: {} });
let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'rc-run-dispatch-'));
  const prompts = join(cwd, dispatchConfig().prompts_dir);
  await mkdir(prompts, { recursive: true });
  await writeFile(join(prompts, 'triage.md'), '# triage\n');
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const comment = (body: string, issue = 276): GitHubEvent => ({
  name: 'issue_comment',
  payload: issueCommentEvent({ body, issue }),
});

async function planOf(event: GitHubEvent, config = dispatchConfig()): Promise<DispatchPlan> {
  return planFromEvent({ event, config, cwd, now: NOW });
}

// A run of the pipeline whose trigger and reactions are recorded, not sent anywhere.
async function run(
  event: GitHubEvent,
  overrides: Partial<Omit<RunDispatchInput, 'eventName' | 'event'>> = {},
  config = dispatchConfig(),
) {
  const fired: FireRequest[] = [];
  const reacted: string[] = [];
  const warnings: string[] = [];
  const plan = await planOf(event, config);
  const result = await runDispatch({
    ...toDispatchEvent(event),
    plan,
    dir: join(cwd, 'artifacts'),
    redactor,
    trigger: 'github',
    fire: async (request) => {
      fired.push(request);
      return null;
    },
    react: async (content, commentId) => {
      reacted.push(`${content}:${commentId}`);
    },
    warn: (message) => warnings.push(message),
    ...overrides,
  });
  return { result, fired, reacted, warnings };
}

const files = async () =>
  (await readdir(join(cwd, 'artifacts'), { recursive: true }).catch(() => [])).sort();

describe('decideDispatch', () => {
  const entry = (outcome: DispatchLogEntry['outcome'], key: string): DispatchLogEntry => ({
    run_id: '2026-11-19T09-00-00-0700',
    idempotency_key: key,
    issue_number: 276,
    prompt: 'triage',
    workflow: 'orchestrator-runner',
    trigger: 'github',
    outcome,
    reason: null,
    phoenix_timestamp: '2026-11-19T09:00:00.000-07:00',
  });

  it.each([
    ['/orchestrate prompt=triage', [], false, 'trigger'],
    ['/orchestrate prompt=triage', [], true, 'dry_run'],
    ['/orchestrate prompt=triage dry-run', [], false, 'dry_run'],
    ['/orchestrate prompt=triage mode=plan', [], false, 'plan_only'],
    ['/orchestrate prompt=triage', ['dispatched'], false, 'duplicate'],
    ['/orchestrate prompt=triage', ['recorded'], false, 'duplicate'],
    ['/orchestrate prompt=triage', ['failed'], false, 'trigger'],
    ['/orchestrate prompt=triage mode=plan', ['dispatched'], false, 'duplicate'],
    ['/orchestrate prompt=triage dry-run', ['dispatched'], false, 'dry_run'],
  ] as const)('decides %s after %j (dry run %s): %s', async (body, outcomes, dryRun, kind) => {
    const event = comment(body);
    const plan = await planOf(event);
    const envelope = buildEnvelope({
      eventName: 'issue_comment',
      event: issueCommentEvent({ body }),
      plan,
    });
    const log = outcomes.map((outcome) => entry(outcome, envelope.idempotency_key));
    const decision = decideDispatch({ plan, envelope, log, trigger: 'github', dryRun });
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'plan_only') expect(decision.entry.reason).toBe(PLAN_ONLY_REASON);
    if (decision.kind === 'dry_run')
      expect(decision.duplicateOf).toBe(
        outcomes.length > 0 ? entry('dispatched', '').run_id : null,
      );
  });

  it('ignores log entries of other requests', async () => {
    const plan = await planOf(comment('/orchestrate prompt=triage'));
    const envelope = buildEnvelope({
      eventName: 'issue_comment',
      event: issueCommentEvent(),
      plan,
    });
    const log = [entry('dispatched', 'f'.repeat(64))];
    expect(decideDispatch({ plan, envelope, log, trigger: 'none' }).kind).toBe('trigger');
  });
});

describe('runDispatch', () => {
  it('writes plan and envelope, fires once with redacted inputs, logs, and reacts', async () => {
    const { result, fired, reacted } = await run(comment('/orchestrate prompt=triage'));
    expect(result.outcome).toBe('dispatched');
    expect(fired).toHaveLength(1);
    expect(fired[0]?.envelopePath).toBe(join(cwd, 'artifacts', RUN_ID, 'envelope.json'));
    expect(JSON.parse(fired[0]?.inputs['envelope'] ?? '')).toEqual(
      JSON.parse(await readFile(fired[0]?.envelopePath ?? '', 'utf8')),
    );
    const id = result.envelope.comment_id;
    expect(reacted).toEqual([`eyes:${id}`, `rocket:${id}`]);
    expect(await files()).toEqual([
      RUN_ID,
      `${RUN_ID}/envelope.json`,
      `${RUN_ID}/plan.json`,
      'dispatch-log.ndjson',
    ]);
  });

  it('logs a duplicate and fires nothing the second time', async () => {
    await run(comment('/orchestrate prompt=triage'));
    const again = await run(comment('/orchestrate prompt=triage'));
    expect(again.result.outcome).toBe('duplicate');
    expect(again.result.reason).toContain(RUN_ID);
    expect(again.fired).toEqual([]);
    const log = await readFile(join(cwd, 'artifacts', 'dispatch-log.ndjson'), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(2);
  });

  it('writes nothing and fires nothing on a dry run', async () => {
    const { result, fired, reacted } = await run(comment('/orchestrate prompt=triage'), {
      dryRun: true,
    });
    expect(result).toMatchObject({ outcome: 'dry_run', files: { plan: null, log: null } });
    expect(fired).toEqual([]);
    expect(reacted).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('records a mode=plan command without firing', async () => {
    const { result, fired } = await run(comment('/orchestrate prompt=triage mode=plan'));
    expect(result).toMatchObject({ outcome: 'recorded', reason: PLAN_ONLY_REASON });
    expect(fired).toEqual([]);
    expect(await files()).toContain(`${RUN_ID}/plan.json`);
  });

  it('records without firing for trigger none', async () => {
    const { result, fired } = await run(comment('/orchestrate prompt=triage'), { trigger: 'none' });
    expect(result.outcome).toBe('recorded');
    expect(fired).toEqual([]);
  });

  it.each([
    ['resolves with a reason', async () => 'HTTP 502'],
    [
      'rejects',
      async () => {
        throw new Error('HTTP 502');
      },
    ],
  ])('logs a failure and reacts confused when fire %s', async (_how, fire) => {
    const { result, reacted } = await run(comment('/orchestrate prompt=triage'), { fire });
    expect(result).toMatchObject({ outcome: 'failed', reason: 'HTTP 502' });
    expect(reacted.map((line) => line.split(':')[0])).toEqual(['eyes', 'confused']);
    const log = await readFile(join(cwd, 'artifacts', 'dispatch-log.ndjson'), 'utf8');
    expect(log).toContain('"reason":"HTTP 502"');
  });

  it('warns about a failed reaction and a malformed log line but still dispatches', async () => {
    await mkdir(join(cwd, 'artifacts'), { recursive: true });
    await appendFile(join(cwd, 'artifacts', 'dispatch-log.ndjson'), 'not json\n');
    const { result, warnings } = await run(comment('/orchestrate prompt=triage'), {
      react: async () => {
        throw new Error('403');
      },
    });
    expect(result.outcome).toBe('dispatched');
    expect(warnings).toEqual([
      'skipped a malformed dispatch-log line',
      'reaction failed',
      'reaction failed',
    ]);
  });

  it('reacts to nothing when the event names no comment', async () => {
    const event: GitHubEvent = {
      name: 'workflow_dispatch',
      payload: workflowDispatchEvent({ command: '/orchestrate #276 prompt=triage' }),
    };
    const { result, reacted } = await run(event, {}, dispatchConfig({ required_label: null }));
    expect(result.outcome).toBe('dispatched');
    expect(reacted).toEqual([]);
  });
});

describe('planFromEvent', () => {
  it('names the command when it is malformed', async () => {
    await expect(planOf(comment('/orchestrate mode=sometimes'))).rejects.toThrow(
      new InvalidInputError(
        'not a valid /orchestrate command: column 14: mode="sometimes" is not one of plan, dispatch',
      ),
    );
  });

  it('looks up the labels of another target issue and fails closed without them', async () => {
    const config = dispatchConfig({ required_label: 'wave:wave2' });
    const event = comment('/orchestrate #277 prompt=triage');
    const looked: number[] = [];
    const plan = await planFromEvent({
      event,
      config,
      cwd,
      now: NOW,
      fetchTargetIssue: async (number) => {
        looked.push(number);
        return { number, labels: ['wave:wave2'] };
      },
    });
    expect(looked).toEqual([277]);
    expect(plan.issue).toMatchObject({ number: 277, labels: ['wave:wave2'] });
    await expect(planFromEvent({ event, config, cwd, now: NOW })).rejects.toThrow(/label/);
  });

  it('turns a failed label lookup into an OperationError naming the issue', async () => {
    const error = await planFromEvent({
      event: comment('/orchestrate #277 prompt=triage'),
      config: dispatchConfig({ required_label: 'wave:wave2' }),
      cwd,
      now: NOW,
      fetchTargetIssue: async () => {
        throw new Error('HTTP 500');
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toBe('cannot read the labels of issue #277: HTTP 500');
  });
});
