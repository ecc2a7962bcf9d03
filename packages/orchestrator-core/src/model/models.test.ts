import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  dispatchIdempotencyKey,
  serializeDispatchEnvelope,
  type DispatchEnvelope,
} from './dispatch-envelope';
import { serializeDispatchPlan, type DispatchPlan } from './dispatch-plan';
import { serializeSlashCommand, type SlashCommand } from './slash-command';

const command: SlashCommand = {
  command: 'orchestrate',
  issue_number: 276,
  issue_source: 'argument',
  prompt: 'triage',
  wave: null,
  mode: 'dispatch',
  dry_run: false,
  positional: ['#276'],
  named: { prompt: 'triage' },
  line: '/orchestrate #276 prompt=triage',
};

const plan: DispatchPlan = {
  schema_version: 1,
  run_id: '2026-11-20T09-15-00-0700',
  phoenix_timestamp: '2026-11-20T09:15:00.000-07:00',
  repository: 'octo/rc',
  command,
  issue: { number: 276, labels: ['wave:wave2'], required_label: 'wave:wave2' },
  prompt: { name: 'triage', path: 'project/prompts/wave2/triage.md', source: 'argument' },
  workflow: {
    name: 'orchestrator-runner',
    file: 'orchestrator-runner.yml',
    ref: 'main',
    inputs: { issue: '276' },
  },
};

describe('dispatchIdempotencyKey', () => {
  it('depends on repository (case-insensitively) and comment only', () => {
    const key = dispatchIdempotencyKey('octo/rc', 42);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(dispatchIdempotencyKey('Octo/RC', 42)).toBe(key);
    expect(dispatchIdempotencyKey('octo/rc', 43)).not.toBe(key);
    expect(dispatchIdempotencyKey('octo/other', 42)).not.toBe(key);
  });
});

describe('serializers', () => {
  it('write canonical JSON whatever the key order', () => {
    const shuffled = Object.fromEntries(Object.entries(plan).reverse()) as DispatchPlan;
    expect(serializeDispatchPlan(shuffled)).toBe(serializeDispatchPlan(plan));
    expect(serializeDispatchPlan(plan).startsWith('{\n  "command": {\n')).toBe(true);
    expect(serializeDispatchPlan(plan).endsWith('}\n')).toBe(true);
    expect(JSON.parse(serializeSlashCommand(command))).toEqual(command);
  });

  it('wrap a plan in an envelope', () => {
    const envelope: DispatchEnvelope = {
      schema_version: 1,
      idempotency_key: dispatchIdempotencyKey('octo/rc', 42),
      repository: 'octo/rc',
      issue_number: 276,
      comment_id: 42,
      author: 'octocat',
      delivery_id: null,
      plan,
    };
    expect(JSON.parse(serializeDispatchEnvelope(envelope))).toEqual(envelope);
  });

  it('refuse values that break the schema', () => {
    expect(() => serializeDispatchPlan({ ...plan, run_id: 'yesterday' })).toThrow(z.core.$ZodError);
    expect(() => serializeSlashCommand({ ...command, issue_number: -1 })).toThrow(z.core.$ZodError);
    expect(() => serializeDispatchPlan({ ...plan, extra: 1 } as DispatchPlan)).toThrow(
      /Unrecognized key: \\"extra\\"/,
    );
  });
});
