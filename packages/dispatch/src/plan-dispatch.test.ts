import { canonicalJson, DispatchConfigSchema, serializeDispatchPlan } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import {
  commandOf,
  dispatchConfig,
  issueCommentEvent,
  NOW,
  RUN_ID,
  workflowDispatchEvent,
} from '../test/fixtures/events';
import { planDispatch, type PlanDispatchInput } from './plan-dispatch';

const PROMPTS = ['276-orchestrator.md', 'triage.md', 'README.txt', 'notes.md'];

function input(overrides: Partial<PlanDispatchInput> & { body?: string } = {}): PlanDispatchInput {
  const event = issueCommentEvent({ body: overrides.body ?? '/orchestrate prompt=triage' });
  return {
    eventName: 'issue_comment',
    event,
    command: commandOf(event),
    config: dispatchConfig(),
    prompts: PROMPTS,
    now: NOW,
    ...overrides,
  } as PlanDispatchInput;
}

function planOf(overrides: Parameters<typeof input>[0] = {}) {
  const result = planDispatch(input(overrides));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function errorOf(overrides: Parameters<typeof input>[0] = {}) {
  const result = planDispatch(input(overrides));
  if (result.ok) throw new Error('expected a plan error');
  return result.error;
}

describe('planDispatch', () => {
  it('plans with the defaults alone: prompts in prompts/orchestrator, no label asked', () => {
    const event = issueCommentEvent({ labels: [] });
    const plan = planOf({
      event,
      command: commandOf(event),
      config: DispatchConfigSchema.parse({}),
    });
    expect(plan.issue).toEqual({ number: 276, labels: [], required_label: null });
    expect(plan.prompt).toEqual({
      name: 'triage',
      path: 'prompts/orchestrator/triage.md',
      source: 'argument',
    });
  });

  it('plans a comment on a labelled issue from a real webhook payload', () => {
    expect(planOf()).toEqual({
      schema_version: 1,
      run_id: RUN_ID,
      phoenix_timestamp: '2026-11-20T09:15:00.000-07:00',
      repository: 'Codertocat/Hello-World',
      command: {
        command: 'orchestrate',
        issue_number: 276,
        issue_source: 'event',
        prompt: 'triage',
        wave: null,
        mode: 'dispatch',
        dry_run: false,
        positional: [],
        named: { prompt: 'triage' },
        line: '/orchestrate prompt=triage',
      },
      issue: { number: 276, labels: ['bug', 'wave:wave2'], required_label: 'wave:wave2' },
      prompt: { name: 'triage', path: 'project/prompts/wave2/triage.md', source: 'argument' },
      workflow: {
        name: 'orchestrator-runner',
        file: 'orchestrator-runner.yml',
        ref: 'main',
        inputs: { issue: '276', prompt: 'triage', run_id: RUN_ID },
      },
    });
  });

  it('gives identical canonical bytes when run twice on the same input', () => {
    const first = canonicalJson(planOf());
    const second = canonicalJson(planOf());
    expect(second).toBe(first);
    expect(serializeDispatchPlan(planOf())).toBe(first);
  });

  it('takes the timestamp from a given run id, so a retry with the same id plans the same bytes', () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    const plan = planOf({ runId: '2026-01-02T03-04-05-0700', now: later });
    expect(plan.run_id).toBe('2026-01-02T03-04-05-0700');
    expect(plan.phoenix_timestamp).toBe('2026-01-02T03:04:05.000-07:00');
    expect(plan.workflow.inputs['run_id']).toBe('2026-01-02T03-04-05-0700');
    expect(canonicalJson(planOf({ runId: RUN_ID, now: later }))).toBe(canonicalJson(planOf()));
  });

  it.each([
    ['a bad shape', 'yesterday', /does not have the shape/],
    ['another offset', '2026-11-20T09-15-00-0800', /offset -0800/],
    ['a date that does not exist', '2026-02-30T09-15-00-0700', /does not exist/],
  ])('rejects a run id with %s', (_name, runId, message) => {
    const error = errorOf({ runId });
    expect(error.code).toBe('invalid_run_id');
    expect(error.message).toMatch(message);
    expect(error.found).toEqual([runId]);
  });

  it('rejects an invalid clock reading', () => {
    expect(errorOf({ now: new Date(Number.NaN) }).code).toBe('invalid_time');
  });

  describe('prompt resolution', () => {
    it('picks <dir>/<name>.md for an explicit prompt=name, before any mapping', () => {
      const plan = planOf({ config: dispatchConfig({ prompt_map: { '276': 'notes' } }) });
      expect(plan.prompt).toEqual({
        name: 'triage',
        path: 'project/prompts/wave2/triage.md',
        source: 'argument',
      });
    });

    it('accepts prompt=name.md too', () => {
      expect(planOf({ body: '/orchestrate prompt=triage.md' }).prompt.name).toBe('triage');
    });

    it('uses the configured mapping when the command names no prompt', () => {
      const plan = planOf({
        body: '/orchestrate',
        config: dispatchConfig({ prompt_map: { '276': 'notes' }, prompts_dir: 'prompts\\w2/' }),
      });
      expect(plan.prompt).toEqual({
        name: 'notes',
        path: 'prompts/w2/notes.md',
        source: 'mapping',
      });
      expect(plan.workflow.inputs['prompt']).toBe('notes');
    });

    it('finds <issue>.md', () => {
      const plan = planOf({ body: '/orchestrate', prompts: ['276.md', '2760.md', '27.md'] });
      expect(plan.prompt).toEqual({
        name: '276',
        path: 'project/prompts/wave2/276.md',
        source: 'issue-number',
      });
    });

    it('finds <issue>-*.md', () => {
      const plan = planOf({ body: '/orchestrate', prompts: ['2760-x.md', '276-orchestrator.md'] });
      expect(plan.prompt).toEqual({
        name: '276-orchestrator',
        path: 'project/prompts/wave2/276-orchestrator.md',
        source: 'issue-number',
      });
    });

    it('reports what it looked for and what it found when an explicit prompt is missing', () => {
      const error = errorOf({ body: '/orchestrate prompt=deploy' });
      expect(error.code).toBe('prompt_not_found');
      expect(error.lookedFor).toEqual(['project/prompts/wave2/deploy.md']);
      expect(error.found).toEqual(['276-orchestrator.md', 'notes.md', 'triage.md']);
      expect(error.message).toBe(
        'prompt=deploy: looked for project/prompts/wave2/deploy.md; found 3 .md file(s) in ' +
          'project/prompts/wave2: 276-orchestrator.md, notes.md, triage.md',
      );
    });

    it('reports a mapping to a missing file', () => {
      const error = errorOf({
        body: '/orchestrate',
        config: dispatchConfig({ prompt_map: { '276': 'gone' } }),
      });
      expect(error.code).toBe('prompt_not_found');
      expect(error.message).toMatch(/^prompt_map maps #276 to "gone": looked for .*\/gone\.md/);
    });

    it('reports both patterns and an empty directory when nothing matches the issue', () => {
      const error = errorOf({ body: '/orchestrate', prompts: [] });
      expect(error).toEqual({
        code: 'prompt_not_found',
        message:
          'no helper prompt for #276: no prompt=NAME, no prompt_map entry, and no file matching ' +
          'project/prompts/wave2/276.md or project/prompts/wave2/276-*.md; found no .md files ' +
          'in project/prompts/wave2',
        lookedFor: ['project/prompts/wave2/276.md', 'project/prompts/wave2/276-*.md'],
        found: [],
      });
    });

    it('shortens a long listing in the message but keeps it all in found', () => {
      const prompts = Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, '0')}.md`);
      const error = errorOf({ body: '/orchestrate', prompts });
      expect(error.message).toMatch(/p19\.md and 5 more$/);
      expect(error.found).toHaveLength(25);
    });

    it('refuses to guess between 276.md and 276-x.md', () => {
      const error = errorOf({ body: '/orchestrate', prompts: ['276.md', '276-x.md', 'a.md'] });
      expect(error.code).toBe('prompt_ambiguous');
      expect(error.found).toEqual(['276-x.md', '276.md']);
      expect(error.message).toContain('276-x.md, 276.md');
      expect(error.message).toContain('prompt=NAME');
    });

    it('ignores names that are not plain .md files', () => {
      const error = errorOf({ body: '/orchestrate', prompts: ['276.txt', 'sub/276.md', '.md'] });
      expect(error.code).toBe('prompt_not_found');
      expect(error.found).toEqual([]);
    });
  });

  describe('labels', () => {
    it('fails when the commented issue lacks the required label, listing its labels', () => {
      const event = issueCommentEvent({ labels: ['bug', 'docs'] });
      const error = errorOf({ event, command: commandOf(event) });
      expect(error).toEqual({
        code: 'missing_label',
        message: 'issue #276 does not have the required label "wave:wave2" (its labels: bug, docs)',
        lookedFor: ['wave:wave2'],
        found: ['bug', 'docs'],
      });
    });

    it('says so when the issue has no labels at all', () => {
      const event = issueCommentEvent({ labels: [] });
      expect(errorOf({ event, command: commandOf(event) }).message).toContain('it has no labels');
    });

    it('honours a configured label and none at all', () => {
      const event = issueCommentEvent({ labels: ['ready'] });
      const command = commandOf(event);
      expect(
        planOf({ event, command, config: dispatchConfig({ required_label: 'ready' }) }).issue,
      ).toEqual({ number: 276, labels: ['ready'], required_label: 'ready' });
      expect(
        planOf({ event, command, config: dispatchConfig({ required_label: null }) }).issue,
      ).toEqual({ number: 276, labels: ['ready'], required_label: null });
    });

    it('fails closed when the command targets another issue whose labels are unknown', () => {
      const error = errorOf({ body: '/orchestrate #277 prompt=triage' });
      expect(error.code).toBe('labels_unknown');
      expect(error.message).toMatch(
        /^the command targets #277 but the comment is on #276, so the labels of #277 are unknown/,
      );
      expect(error.message).toContain('"wave:wave2" cannot be checked');
    });

    it('plans for another issue when its labels are passed in', () => {
      const plan = planOf({
        body: '/orchestrate #277 prompt=triage',
        targetIssue: { number: 277, labels: ['wave:wave2', 'wave:wave2'] },
      });
      expect(plan.issue).toEqual({
        number: 277,
        labels: ['wave:wave2'],
        required_label: 'wave:wave2',
      });
      expect(plan.command.issue_source).toBe('argument');
    });

    it('checks the passed-in labels too', () => {
      const error = errorOf({
        body: '/orchestrate #277 prompt=triage',
        targetIssue: { number: 277, labels: ['bug'] },
      });
      expect(error.code).toBe('missing_label');
    });

    it('rejects labels passed in for a different issue', () => {
      const error = errorOf({ targetIssue: { number: 999, labels: ['wave:wave2'] } });
      expect(error).toMatchObject({ code: 'issue_mismatch', lookedFor: ['#276'], found: ['#999'] });
    });

    it('plans another issue without labels when no label is required', () => {
      const plan = planOf({
        body: '/orchestrate #277 prompt=triage',
        config: dispatchConfig({ required_label: null }),
      });
      expect(plan.issue).toEqual({ number: 277, labels: [], required_label: null });
    });

    it('sanitises label names that go into the plan', () => {
      const event = issueCommentEvent({ labels: ['wave:wave2', 'x\u202Ey'] });
      expect(planOf({ event, command: commandOf(event) }).issue.labels).toEqual([
        'wave:wave2',
        'xy',
      ]);
    });
  });

  describe('workflow_dispatch', () => {
    const event = workflowDispatchEvent({ command: '/orchestrate prompt=triage', issue: '276' });

    it('fails closed without the issue labels', () => {
      const error = errorOf({ eventName: 'workflow_dispatch', event, command: commandOf(event) });
      expect(error.code).toBe('labels_unknown');
      expect(error.message).toMatch(/^a workflow_dispatch event carries no issue labels/);
    });

    it('plans with the labels passed in', () => {
      const plan = planOf({
        eventName: 'workflow_dispatch',
        event,
        command: commandOf(event),
        targetIssue: { number: 276, labels: ['wave:wave2'] },
      });
      expect(plan.repository).toBe('octo-org/octo-repo');
      expect(plan.prompt.name).toBe('triage');
    });
  });

  it('uses the configured workflow and ref, with or without a .yml suffix', () => {
    const plan = planOf({ config: dispatchConfig({ workflow: 'agent-run', ref: 'release' }) });
    expect(plan.workflow).toMatchObject({
      name: 'agent-run',
      file: 'agent-run.yml',
      ref: 'release',
    });
    const yaml = planOf({ config: dispatchConfig({ workflow: 'agent-run.yaml' }) });
    expect(yaml.workflow).toMatchObject({ name: 'agent-run', file: 'agent-run.yaml' });
  });

  it('sanitises the command line it records', () => {
    const plan = planOf({ body: '/orchestrate prompt=triage \uFEFF\uFEFF' });
    expect(plan.command.line).toBe('/orchestrate prompt=triage');
  });

  it('reports a plan that breaks its schema, naming the field', () => {
    const event = issueCommentEvent();
    const odd = { ...event, repository: { ...event.repository, full_name: 'octo/rc!' } };
    const error = errorOf({ event: odd, command: commandOf(event) });
    expect(error.code).toBe('invalid_plan');
    expect(error.message).toMatch(/repository: expected owner\/name/);
  });
});
