import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  canonicalJson,
  commandFromEvent,
  createRedactor,
  parseGitHubEvent,
} from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendDispatchLog,
  buildEnvelope,
  findPriorDispatch,
  listPromptFiles,
  planDispatch,
  readDispatchLog,
  toDispatchEvent,
  writeEnvelopeArtifact,
  writePlanArtifact,
  type DispatchLogEntry,
} from '../src/index';
import { dispatchConfig, issueCommentEvent, NOW, RUN_ID } from './fixtures/events';

const PROMPTS_DIR = fileURLToPath(new URL('./fixtures/prompts', import.meta.url));
// A fake token: the right shape, not a real credential.
const TOKEN = `ghp_${'Zx9Q'.repeat(9)}`;

// What the CLI does for `rc orchestrator dispatch`, minus the trigger: load, plan, record.
async function dispatchOnce(artifacts: string, body: string, extraPrompts: string[] = []) {
  const parsed = parseGitHubEvent(issueCommentEvent({ body, commentId: 9001 }), 'issue_comment');
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  const command = commandFromEvent(parsed.value);
  if (!command.ok) throw new Error(command.error.message);
  const source = toDispatchEvent(parsed.value);
  const prompts = [...(await listPromptFiles(PROMPTS_DIR)), ...extraPrompts];
  const plan = planDispatch({
    ...source,
    command: command.value,
    config: dispatchConfig(),
    prompts,
    now: NOW,
  });
  if (!plan.ok) throw new Error(plan.error.message);
  const redactor = createRedactor({ env: {} });
  const envelope = buildEnvelope({ ...source, plan: plan.value, deliveryId: 'delivery-1' });
  const planFile = await writePlanArtifact({ dir: artifacts, plan: plan.value, redactor });
  const envelopeFile = await writeEnvelopeArtifact({ dir: artifacts, envelope, redactor });
  const prior = findPriorDispatch(
    (await readDispatchLog(artifacts)).entries,
    envelope.idempotency_key,
  );
  const entry: DispatchLogEntry = {
    run_id: plan.value.run_id,
    idempotency_key: envelope.idempotency_key,
    issue_number: plan.value.issue.number,
    prompt: plan.value.prompt.name,
    workflow: plan.value.workflow.name,
    trigger: 'none',
    outcome: prior === null ? 'recorded' : 'duplicate',
    reason: prior === null ? null : `already dispatched as run ${prior.run_id}`,
    phoenix_timestamp: plan.value.phoenix_timestamp,
  };
  await appendDispatchLog({ dir: artifacts, entry, redactor });
  return { plan: plan.value, envelope, planFile, envelopeFile };
}

describe('the dispatch flow', () => {
  let artifacts: string;
  beforeEach(async () => {
    artifacts = await mkdtemp(join(tmpdir(), 'rc-dispatch-flow-'));
  });
  afterEach(async () => {
    await rm(artifacts, { recursive: true, force: true });
  });

  it('plans from the real prompts directory and records a repeat as a duplicate', async () => {
    const first = await dispatchOnce(artifacts, '/orchestrate');
    expect(first.plan.prompt).toEqual({
      name: '276-orchestrator',
      path: 'project/prompts/wave2/276-orchestrator.md',
      source: 'issue-number',
    });
    expect(first.planFile).toEqual({ path: join(artifacts, RUN_ID, 'plan.json'), written: true });
    const bytes = await readFile(first.planFile.path);
    const second = await dispatchOnce(artifacts, '/orchestrate');
    expect(second.planFile.written).toBe(false);
    expect(second.envelopeFile.written).toBe(false);
    expect(await readFile(first.planFile.path)).toEqual(bytes);
    expect(bytes.toString()).toBe(canonicalJson(first.plan));
    const log = await readDispatchLog(artifacts);
    expect(log.entries.map((e) => [e.outcome, e.reason])).toEqual([
      ['recorded', null],
      ['duplicate', `already dispatched as run ${RUN_ID}`],
    ]);
  });

  it('never writes a token from the comment into plan.json, envelope.json or the log', async () => {
    // The token reaches the plan as a prompt name (it fits the prompt-name grammar) and sits in
    // the comment's later lines, which the planner never copies.
    const body = `/orchestrate prompt=${TOKEN}\n\nhere is my token ${TOKEN} <!-- ${TOKEN} -->`;
    const run = await dispatchOnce(artifacts, body, [`${TOKEN}.md`]);
    expect(run.plan.prompt.name).toBe(TOKEN);
    const files = [
      run.planFile.path,
      run.envelopeFile.path,
      join(artifacts, 'dispatch-log.ndjson'),
    ];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('ghp_');
      expect(text).toContain('***');
    }
  });
});
