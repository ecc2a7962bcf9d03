import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRedactor, PromotionConfigSchema, type PromotionConfig } from '@rc/orchestrator-core';
import {
  createExecApplierRunner,
  orchestratePromotion,
  parseCandidate,
  type PromotionRequest,
} from '../src/index';

/**
 * A real applier: records argv and the RC_* environment as one JSON line, then behaves as
 * APPLIER_MODE says: exit code, wait for a file, hold the state lock, or SIGKILL its parent.
 */
const APPLIER_SCRIPT = `#!/usr/bin/env node
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('RC_')));
appendFileSync(process.env.APPLIER_RECORD, JSON.stringify({ argv: process.argv.slice(2), env }) + '\\n');
console.log('deploying', process.argv.slice(2).join(' '));
if (process.env.APPLIER_ECHO) console.error(process.env.APPLIER_ECHO);
const mode = process.env.APPLIER_MODE ?? 'ok';
if (mode === 'fail') { console.error('deploy failed'); process.exit(7); }
if (mode === 'wait') { while (!existsSync(process.env.APPLIER_RELEASE)) await new Promise((r) => setTimeout(r, 20)); }
if (mode === 'hold-state-lock') {
  writeFileSync(process.env.APPLIER_STATE_LOCK, JSON.stringify({ pid: 1, host: 'elsewhere', run_id: 'other', trace_id: 't' }));
}
if (mode === 'kill-parent') { process.kill(process.ppid, 'SIGKILL'); }
`;

export interface Fixture {
  dir: string;
  record: string;
  statePath: string;
  config: PromotionConfig;
  env: Record<string, string>;
  writeSignals(version: string, metrics?: Record<string, number>): Promise<void>;
  calls(): Promise<Array<{ argv: string[]; env: Record<string, string> }>>;
  state(): Promise<string | null>;
  promote(
    change: Partial<Omit<PromotionRequest, 'candidate'>> & { candidate?: string | null },
  ): ReturnType<typeof orchestratePromotion>;
  cleanup(): Promise<void>;
}

const GOOD = { pass_rate: 0.99, error_rate: 0.001 };
const NOW = new Date('2026-11-20T16:15:00Z');

export async function makeFixture(config: object = {}): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'rc-rollout-'));
  const applier = join(dir, 'applier.mjs');
  await writeFile(applier, APPLIER_SCRIPT);
  await chmod(applier, 0o755);
  const record = join(dir, 'applier-calls.ndjson');
  const parsed = PromotionConfigSchema.parse({
    applier: { command: [applier, 'deploy', '--target={stage}'] },
    ...config,
  });
  const statePath = join(dir, parsed.state_file);
  const env = {
    PATH: process.env['PATH'] ?? '',
    APPLIER_RECORD: record,
    APPLIER_STATE_LOCK: `${statePath}.lock`,
    APPLIER_RELEASE: join(dir, 'release'),
  };
  const fixture: Fixture = {
    dir,
    record,
    statePath,
    config: parsed,
    env,
    writeSignals: async (version, metrics = GOOD) => {
      const path = join(dir, parsed.signals_file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, JSON.stringify({ candidate: { version }, metrics, source: 'ci #1' }));
    },
    calls: async () =>
      existsSync(record)
        ? (await readFile(record, 'utf8'))
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as { argv: string[]; env: Record<string, string> })
        : [],
    state: async () => (existsSync(statePath) ? readFile(statePath, 'utf8') : null),
    promote: ({ candidate, ...change }) => {
      const parsedCandidate = candidate === undefined ? '1.0.0' : candidate;
      const value = parsedCandidate === null ? null : parseCandidate(parsedCandidate);
      if (value !== null && !value.ok) throw new Error(value.issues.join());
      return orchestratePromotion(
        {
          mode: 'apply',
          stage: 'canary',
          candidate: value === null ? null : value.value,
          intent: 'promote',
          idempotencyKey: null,
          traceId: null,
          runId: '2026-11-20T09-15-00-0700',
          now: NOW,
          actor: 'alice',
          approvers: [],
          approvals: null,
          changeTicket: null,
          signalsFile: null,
          ...change,
        },
        {
          config: parsed,
          cwd: dir,
          runner: createExecApplierRunner(),
          env: fixture.env,
          // The fixture's environment: a test that sets a *_TOKEN sees it redacted.
          redactor: createRedactor({ env: fixture.env }),
        },
      );
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  return fixture;
}
