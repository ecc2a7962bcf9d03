import { describe, expect, it } from 'vitest';
import { ACTION_PINS } from '../src/index';
import { loadWorkflow, stepIndex, type Job, type Step, type Workflow } from './_repo';

const SHA_PIN = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/;

// Checks every workflow shares: least privilege, Phoenix time, pinned actions, no credentials.
function expectCommon(workflow: Workflow) {
  expect(workflow.permissions).toEqual({});
  expect(workflow.env?.['TZ']).toBe('America/Phoenix');
  for (const job of Object.values(workflow.jobs)) {
    expect(job.permissions).toBeDefined();
    expect(
      Object.values(job.permissions ?? {}).every((level) => level === 'read' || level === 'write'),
    ).toBe(true);
    for (const step of job.steps ?? []) {
      if (step.uses !== undefined) expect(step.uses).toMatch(SHA_PIN);
      if (step.uses?.startsWith('actions/checkout@'))
        expect(step.with?.['persist-credentials']).toBe(false);
      expect(step.run ?? '').not.toContain('${{');
    }
  }
}

function steps(job: Job | undefined): Step[] {
  expect(job?.steps?.length).toBeGreaterThan(0);
  return job?.steps ?? [];
}

function expectPhoenixRunIdFirst(list: Step[]) {
  expect(list[0]?.id).toBe('run-id');
  expect(list[0]?.run).toContain('PHOENIX_RUN_ID=');
  expect(list[0]?.run).toContain('>> "$GITHUB_ENV"');
}

function expectUpload(list: Step[], path: string) {
  const upload = list.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
  expect(upload?.uses).toBe(`actions/upload-artifact@${ACTION_PINS.uploadArtifact.sha}`);
  expect(upload?.if).toBe('always()');
  expect(upload?.with?.['path']).toBe(path);
}

describe('orchestrator-runner.yml', () => {
  it('runs on /orchestrate comments and manual dispatch, one run per issue, through the reusable workflow', async () => {
    const workflow = await loadWorkflow('orchestrator-runner.yml');
    expectCommon(workflow);
    expect(workflow.on.issue_comment?.types).toEqual(['created']);
    expect(Object.keys(workflow.on.workflow_dispatch?.inputs ?? {})).toEqual([
      'command',
      'issue',
      'prompt',
      'run_id',
      'envelope',
    ]);
    expect(workflow.concurrency?.group).toContain('github.event.issue.number');
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
    const job = workflow.jobs['orchestrate'];
    expect(job?.if).toContain("startsWith(github.event.comment.body, '/orchestrate')");
    expect(job?.uses).toBe('./.github/workflows/reusable-orchestrator.yml');
    expect(job?.secrets).toEqual({
      ORCHESTRATOR_BOT_TOKEN: '${{ secrets.ORCHESTRATOR_BOT_TOKEN }}',
    });
    expect(job?.permissions).toEqual({ contents: 'read' });
  });

  it('records runs that rc dispatched without any secret', async () => {
    const workflow = await loadWorkflow('orchestrator-runner.yml');
    const job = workflow.jobs['dispatched'];
    expect(job?.if).toContain("inputs.envelope != ''");
    expect(JSON.stringify(job)).not.toContain('secrets.');
    expectUpload(steps(job), 'artifacts/orchestrator/');
  });
});

describe('reusable-orchestrator.yml', () => {
  it('is a workflow_call taking only ORCHESTRATOR_BOT_TOKEN', async () => {
    const workflow = await loadWorkflow('reusable-orchestrator.yml');
    expectCommon(workflow);
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(Object.keys(workflow.on.workflow_call?.secrets ?? {})).toEqual([
      'ORCHESTRATOR_BOT_TOKEN',
    ]);
  });

  it('names the run, installs rc, gates before any token, dispatches, summarises and uploads', async () => {
    const workflow = await loadWorkflow('reusable-orchestrator.yml');
    const job = workflow.jobs['orchestrate'];
    const list = steps(job);
    expect(job?.permissions).toEqual({ contents: 'read' });
    expect(job?.env?.['TZ']).toBe('America/Phoenix');
    expectPhoenixRunIdFirst(list);
    // rc comes from its committed bundle at the caller's pinned commit, put on PATH.
    const install = stepIndex(list, /\.rc\/packages\/cli\/bundle" >> "\$GITHUB_PATH"/);
    expect(list[install - 1]?.with).toMatchObject({
      repository: '${{ inputs.rc-repository }}',
      ref: '${{ inputs.rc-ref }}',
      path: '.rc',
      'sparse-checkout': 'packages/cli/bundle',
    });
    const gate = stepIndex(list, /^rc gate check --event-path "\$GITHUB_EVENT_PATH"/);
    const dispatch = stepIndex(
      list,
      /rc orchestrator dispatch --event-path "\$GITHUB_EVENT_PATH" --run-id "\$PHOENIX_RUN_ID"/,
    );
    expect(install).toBeGreaterThan(0);
    expect(gate).toBeGreaterThan(install);
    expect(dispatch).toBeGreaterThan(gate);
    const firstSecret = list.findIndex((step) => JSON.stringify(step).includes('secrets.'));
    expect(firstSecret).toBe(gate);
    const summary = list.find((step) => step.run?.includes('$GITHUB_STEP_SUMMARY'));
    expect(summary?.if).toBe('always()');
    expect(summary?.run).toContain('replace(/[^A-Za-z0-9');
    expectUpload(list, 'artifacts/orchestrator/');
  });
});

describe('ops-manager-promotion-rollout.yml', () => {
  it('wires workflow_dispatch inputs through env into rc promote and uploads the result', async () => {
    const workflow = await loadWorkflow('ops-manager-promotion-rollout.yml');
    expectCommon(workflow);
    const inputs = workflow.on.workflow_dispatch?.inputs ?? {};
    expect(Object.keys(inputs)).toEqual([
      'mode',
      'stage',
      'candidate',
      'intent',
      'signals',
      'idempotency-key',
      'trace-id',
    ]);
    expect(inputs['mode']).toMatchObject({
      type: 'choice',
      options: ['dry_run', 'apply', 'rollback'],
      default: 'dry_run',
    });
    expect(workflow.concurrency?.group).toBe('promotion-${{ inputs.stage }}');
    const list = steps(workflow.jobs['promote']);
    expectPhoenixRunIdFirst(list);
    const promote = list[stepIndex(list, /rc promote /)];
    expect(promote?.run).toContain(
      '--mode "$RC_MODE" --stage "$RC_STAGE" --candidate "$RC_CANDIDATE"',
    );
    for (const flag of ['--intent', '--signals', '--idempotency-key', '--trace-id', '--json'])
      expect(promote?.run).toContain(flag);
    expect(promote?.env?.['RC_MODE']).toBe('${{ inputs.mode }}');
    expectUpload(list, 'artifacts/promotion/');
  });
});

describe('reusable-playbook.yml', () => {
  it('plans a matrix, runs one task per runner with its agent, honours dependencies and fans in', async () => {
    const workflow = await loadWorkflow('reusable-playbook.yml');
    expectCommon(workflow);
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    const plan = steps(workflow.jobs['plan']);
    expect(plan[stepIndex(plan, /rc playbook plan "\$RC_PLAN" --format github-matrix/)]?.id).toBe(
      'plan',
    );
    expect(workflow.jobs['plan']?.permissions).toEqual({ contents: 'read' });

    const task = workflow.jobs['task'];
    expect(task?.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    expect(task?.permissions).toEqual({ contents: 'write' });
    const taskSteps = steps(task);
    const install = stepIndex(taskSteps, /RC_AGENT_INSTALL/);
    const wait = stepIndex(
      taskSteps,
      /ls-remote --exit-code origin "refs\/heads\/rc\/\$dependency"/,
    );
    const run = stepIndex(
      taskSteps,
      /rc playbook run "\$RC_PLAN" --task "\$RC_TASK" --no-merge --agent "\$RC_AGENT"/,
    );
    const push = stepIndex(taskSteps, /push --force origin "rc\/\$RC_TASK"/);
    expect(install).toBeGreaterThan(0);
    expect(wait).toBeGreaterThan(install);
    expect(run).toBeGreaterThan(wait);
    expect(push).toBeGreaterThan(run);
    // The agent gets its secret and no token; only the git steps that fetch or push get the token.
    expect(taskSteps[run]?.env?.['OPENAI_API_KEY']).toBe('${{ secrets.OPENAI_API_KEY }}');
    for (const step of taskSteps) {
      const hasToken = step.env?.['GH_TOKEN'] !== undefined;
      expect(hasToken).toBe(/extraheader/.test(step.run ?? ''));
      if (hasToken) expect(step.run).not.toContain('rc playbook');
    }
    expectUpload(taskSteps, '.orchestrator/');

    const fanIn = workflow.jobs['merge'];
    expect(fanIn?.needs).toEqual(['plan', 'task']);
    const fanInSteps = steps(fanIn);
    const download = fanInSteps.findIndex((step) =>
      step.uses?.startsWith('actions/download-artifact@'),
    );
    const merge = stepIndex(fanInSteps, /rc playbook merge "\$RC_PLAN" --ledgers evidence/);
    expect(download).toBeGreaterThan(0);
    expect(merge).toBeGreaterThan(download);
    expect(fanInSteps[merge]?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(
      stepIndex(fanInSteps, /push origin "HEAD:refs\/heads\/\$GITHUB_REF_NAME"/),
    ).toBeGreaterThan(merge);
    expectUpload(fanInSteps, 'artifacts/playbook/');
  });
});

describe('ci.yml', () => {
  it('runs the README test command with least privilege', async () => {
    const workflow = await loadWorkflow('ci.yml');
    expectCommon(workflow);
    expect(stepIndex(steps(workflow.jobs['test']), /^bash \.ci\/run$/)).toBeGreaterThan(-1);
  });
});
