import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedactor } from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandOf, dispatchConfig, issueCommentEvent, NOW, RUN_ID } from '../test/fixtures/events';
import { appendDispatchLog } from './append-dispatch-log';
import { buildEnvelope } from './build-envelope';
import { envelopeWorkflowInput } from './envelope-workflow-input';
import { findPriorDispatch } from './find-prior-dispatch';
import { planDispatch } from './plan-dispatch';
import { readDispatchLog } from './read-dispatch-log';
import { writeEnvelopeArtifact } from './write-envelope-artifact';
import { writePlanArtifact } from './write-plan-artifact';

const TOKEN = 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs';

function planned(body: string) {
  const event = issueCommentEvent({ body });
  const result = planDispatch({
    eventName: 'issue_comment',
    event,
    command: commandOf(event),
    config: dispatchConfig(),
    prompts: ['triage.md', 'review.md'],
    now: NOW,
  });
  if (!result.ok) throw new Error(result.error.message);
  return {
    plan: result.value,
    envelope: buildEnvelope({ eventName: 'issue_comment', event, plan: result.value }),
  };
}

describe('redaction of dispatch artifacts, log and envelope', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rc-dispatch-redact-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes plan.json and envelope.json that parse even when a secret reads like JSON', async () => {
    const { plan, envelope } = planned('/orchestrate prompt=triage');
    const redactor = createRedactor({ env: {}, secrets: ['false', '": "', 'triage'] });
    const planFile = await writePlanArtifact({ dir, plan, redactor });
    const envelopeFile = await writeEnvelopeArtifact({ dir, envelope, redactor });
    const written = JSON.parse(await readFile(planFile.path, 'utf8')) as typeof plan;
    expect(written.command.dry_run).toBe(false);
    expect(written.prompt.name).toBe('***');
    expect(JSON.parse(await readFile(envelopeFile.path, 'utf8'))).toMatchObject({
      plan: { command: { dry_run: false } },
    });
  });

  it('keeps every log line readable and a duplicate found, whatever the secrets look like', async () => {
    const { envelope } = planned('/orchestrate prompt=triage');
    // Explicit secrets are redacted whatever they look like: the log's own fields must not care.
    const redactor = createRedactor({
      env: { DEPLOY_KEY: 'dispatched', API_TOKEN: envelope.idempotency_key },
      secrets: ['github', RUN_ID, '2026', 'orchestrator-runner'],
    });
    const entry = {
      run_id: RUN_ID,
      idempotency_key: envelope.idempotency_key,
      issue_number: 276,
      prompt: 'triage',
      workflow: 'orchestrator-runner',
      trigger: 'github' as const,
      outcome: 'dispatched' as const,
      reason: `used ${TOKEN}`,
      phoenix_timestamp: '2026-11-20T09:15:00.000-07:00',
    };
    await appendDispatchLog({ dir, entry, redactor });
    const log = await readDispatchLog(dir);
    expect(log.malformed).toEqual([]);
    expect(log.entries).toEqual([{ ...entry, workflow: '***', reason: 'used ***' }]);
    expect(findPriorDispatch(log.entries, envelope.idempotency_key)?.run_id).toBe(RUN_ID);
  });

  it('sends the envelope redacted exactly as envelope.json is written', async () => {
    const { envelope } = planned(`/orchestrate prompt=triage wave=${TOKEN}`);
    expect(JSON.stringify(envelope)).toContain(TOKEN);
    const redactor = createRedactor({ env: {} });
    const input = envelopeWorkflowInput(envelope, redactor);
    expect(input).not.toContain(TOKEN);
    expect(input).not.toContain('\n');
    const file = await writeEnvelopeArtifact({ dir, envelope, redactor });
    expect(JSON.parse(input)).toEqual(JSON.parse(await readFile(file.path, 'utf8')));
    expect(JSON.parse(input)).toMatchObject({
      idempotency_key: envelope.idempotency_key,
      plan: { command: { wave: '***' } },
    });
  });
});
