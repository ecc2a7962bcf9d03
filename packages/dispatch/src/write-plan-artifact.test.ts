import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, createRedactor, InvalidInputError } from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandOf, dispatchConfig, issueCommentEvent, NOW, RUN_ID } from '../test/fixtures/events';
import { buildEnvelope } from './build-envelope';
import { planDispatch } from './plan-dispatch';
import { writeEnvelopeArtifact } from './write-envelope-artifact';
import { writePlanArtifact } from './write-plan-artifact';

const redactor = createRedactor({ env: {} });

function planWith(body: string) {
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
  return { event, plan: result.value };
}

describe('writePlanArtifact', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rc-dispatch-plan-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes <dir>/<run-id>/plan.json as canonical JSON with a trailing newline', async () => {
    const { plan } = planWith('/orchestrate prompt=triage');
    const result = await writePlanArtifact({ dir, plan, redactor });
    expect(result).toEqual({ path: join(dir, RUN_ID, 'plan.json'), written: true });
    const text = await readFile(result.path, 'utf8');
    expect(text.startsWith('{\n  "command": {\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(plan);
  });

  it('is byte-identical and a no-op when the same plan is written again', async () => {
    const first = await writePlanArtifact({
      dir,
      plan: planWith('/orchestrate prompt=triage').plan,
      redactor,
    });
    const bytes = await readFile(first.path);
    const again = await writePlanArtifact({
      dir,
      plan: planWith('/orchestrate prompt=triage').plan,
      redactor,
    });
    expect(again).toEqual({ path: first.path, written: false });
    expect(await readFile(first.path)).toEqual(bytes);
  });

  it('refuses a different plan under an existing run id and leaves the file as it was', async () => {
    const first = await writePlanArtifact({
      dir,
      plan: planWith('/orchestrate prompt=triage').plan,
      redactor,
    });
    const bytes = await readFile(first.path, 'utf8');
    const other = planWith('/orchestrate prompt=review').plan;
    const attempt = writePlanArtifact({ dir, plan: other, redactor });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining(first.path),
      issues: [expect.stringMatching(/first difference at line \d+/)],
    });
    expect(await readFile(first.path, 'utf8')).toBe(bytes);
    expect(await readdir(join(dir, RUN_ID))).toEqual(['plan.json']);
  });

  it('refuses a run id that could escape the directory', async () => {
    const { plan } = planWith('/orchestrate prompt=triage');
    await expect(
      writePlanArtifact({ dir, plan: { ...plan, run_id: '../../x' }, redactor }),
    ).rejects.toThrow(InvalidInputError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('passes on errors other than a missing file', async () => {
    const { plan } = planWith('/orchestrate prompt=triage');
    await writeFile(join(dir, RUN_ID), 'a file where the run directory should be');
    await expect(writePlanArtifact({ dir, plan, redactor })).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
  });
});

describe('writeEnvelopeArtifact', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rc-dispatch-envelope-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes envelope.json beside the plan, idempotently, and refuses a different one', async () => {
    const { event, plan } = planWith('/orchestrate prompt=triage');
    const envelope = buildEnvelope({ eventName: 'issue_comment', event, plan, deliveryId: 'd-1' });
    const result = await writeEnvelopeArtifact({ dir, envelope, redactor });
    expect(result).toEqual({ path: join(dir, RUN_ID, 'envelope.json'), written: true });
    expect(JSON.parse(await readFile(result.path, 'utf8'))).toEqual(envelope);
    expect(await writeEnvelopeArtifact({ dir, envelope, redactor })).toEqual({
      path: result.path,
      written: false,
    });
    const redelivered = { ...envelope, delivery_id: 'd-2' };
    await expect(writeEnvelopeArtifact({ dir, envelope: redelivered, redactor })).rejects.toThrow(
      /already holds a different envelope/,
    );
  });
});
