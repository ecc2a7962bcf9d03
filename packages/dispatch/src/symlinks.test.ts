import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendNdjson, createRedactor, OperationError } from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandOf, dispatchConfig, issueCommentEvent, NOW, RUN_ID } from '../test/fixtures/events';
import { appendDispatchLog } from './append-dispatch-log';
import { buildEnvelope } from './build-envelope';
import { DISPATCH_LOG_FILE } from './dispatch-log-entry';
import { planDispatch } from './plan-dispatch';
import { readDispatchLog } from './read-dispatch-log';
import { writeEnvelopeArtifact } from './write-envelope-artifact';
import { writePlanArtifact } from './write-plan-artifact';

const redactor = createRedactor({ env: {} });
const OUTSIDE_TEXT = '{"outside":true}\n';

function planned() {
  const event = issueCommentEvent({ body: '/orchestrate prompt=triage' });
  const result = planDispatch({
    eventName: 'issue_comment',
    event,
    command: commandOf(event),
    config: dispatchConfig(),
    prompts: ['triage.md'],
    now: NOW,
  });
  if (!result.ok) throw new Error(result.error.message);
  return {
    plan: result.value,
    envelope: buildEnvelope({ eventName: 'issue_comment', event, plan: result.value }),
  };
}

const entry = {
  run_id: RUN_ID,
  idempotency_key: 'a'.repeat(64),
  issue_number: 276,
  prompt: 'triage',
  workflow: 'orchestrator-runner',
  trigger: 'none' as const,
  outcome: 'recorded' as const,
  reason: null,
  phoenix_timestamp: '2026-11-20T09:15:00.000-07:00',
};

describe('artifact writes refuse symbolic links', () => {
  let dir: string;
  let outside: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rc-artifacts-'));
    outside = await mkdtemp(join(tmpdir(), 'rc-outside-'));
    await writeFile(join(outside, 'target.ndjson'), OUTSIDE_TEXT);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });
  const untouched = async () => {
    expect(await readdir(outside)).toEqual(['target.ndjson']);
    expect(await readFile(join(outside, 'target.ndjson'), 'utf8')).toBe(OUTSIDE_TEXT);
  };

  it('refuses a run directory that is a symlink for plan.json and envelope.json', async () => {
    const { plan, envelope } = planned();
    await symlink(outside, join(dir, RUN_ID));
    const error = await writePlanArtifact({ dir, plan, redactor }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toContain(join(dir, RUN_ID));
    await expect(writeEnvelopeArtifact({ dir, envelope, redactor })).rejects.toThrow(
      OperationError,
    );
    await untouched();
  });

  it('refuses a plan.json that is a symlink, even to identical bytes', async () => {
    const { plan } = planned();
    const first = await writePlanArtifact({ dir: outside, plan, redactor });
    await mkdir(join(dir, RUN_ID));
    await symlink(first.path, join(dir, RUN_ID, 'plan.json'));
    await expect(writePlanArtifact({ dir, plan, redactor })).rejects.toThrow(
      `${join(dir, RUN_ID, 'plan.json')} is a symbolic link`,
    );
  });

  it('refuses a dispatch-log.ndjson that is a symlink, to append and to read', async () => {
    await symlink(join(outside, 'target.ndjson'), join(dir, DISPATCH_LOG_FILE));
    const error = await appendDispatchLog({ dir, entry, redactor }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toContain(join(dir, DISPATCH_LOG_FILE));
    await expect(readDispatchLog(dir)).rejects.toThrow(OperationError);
    await untouched();
  });

  it('refuses a symlinked NDJSON file (the playbook ledger) and a dangling one', async () => {
    await symlink(join(outside, 'target.ndjson'), join(dir, 'ledger.ndjson'));
    await expect(appendNdjson(join(dir, 'ledger.ndjson'), '{}\n')).rejects.toThrow(OperationError);
    await symlink(join(outside, 'new.ndjson'), join(dir, 'dangling.ndjson'));
    await expect(appendNdjson(join(dir, 'dangling.ndjson'), '{}\n')).rejects.toThrow(
      OperationError,
    );
    await untouched();
  });
});
