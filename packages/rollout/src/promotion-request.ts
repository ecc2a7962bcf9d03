import type { PromotionConfig, TextRedactor, ValueRedactor } from '@rc/orchestrator-core';
import type { ApplierRunner } from './applier-runner';
import type { Candidate } from './candidate';
import type { PromotionMode } from './promotion-intent';
import type { PromotionPaths } from './promotion-paths';
import type { PromotionResult } from './promotion-result';

/** What the operator asked for. */
export interface PromotionRequest {
  mode: PromotionMode;
  stage: string;
  /** Required for dry_run and apply; for rollback, if given, it must be the current version. */
  candidate: Candidate | null;
  intent: string | null;
  /** @default derived from run id, stage, mode and candidate */
  idempotencyKey: string | null;
  /** @default derived from the idempotency key */
  traceId: string | null;
  runId: string;
  now: Date;
  actor: string | null;
  approvers: readonly string[];
  approvals: number | null;
  changeTicket: string | null;
  /** @default config.signals_file */
  signalsFile: string | null;
}

/** Everything outside the request: configuration and the side effects, passed in. */
export interface PromotionContext {
  config: PromotionConfig;
  /** The repository root; relative config paths resolve against it. */
  cwd: string;
  runner: ApplierRunner;
  /** The applier inherits this environment, plus RC_TRACE_ID and friends. */
  env: Readonly<Record<string, string | undefined>>;
  redactor: TextRedactor & ValueRedactor;
  signal?: AbortSignal;
}

/** What a promotion run did. */
export interface PromotionRun {
  result: PromotionResult;
  /** True when the idempotency key was already recorded: nothing ran, `result` is the old one. */
  duplicate: boolean;
  /** Results completed for earlier runs that crashed, reconciled before this one. */
  recovered: PromotionResult[];
  paths: PromotionPaths;
}
