import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import {
  ConflictError,
  formatPhoenix,
  InvalidInputError,
  type PromotionConfig,
  type TextRedactor,
  type ValueRedactor,
} from '@rc/orchestrator-core';
import { lockOwner } from './_file-lock';
import type { ApplierRunner } from './applier-runner';
import { formatCandidate, sameCandidate, type Candidate } from './candidate';
import { decidePromotion } from './decide-promotion';
import { evaluateGovernance } from './evaluate-governance';
import {
  APPLIER_LOG_FILE,
  applierLogPath,
  finalizePromotion,
  RESULT_FILE,
  writeResultArtifacts,
} from './finalize-promotion';
import { loadPromotionSignals } from './load-promotion-signals';
import { planPromotion, type PromotionAction, type PromotionPlan } from './plan-promotion';
import { deriveIdempotencyKey, deriveTraceId } from './promotion-identity';
import { intentMode, PROMOTION_MODES, type PromotionMode } from './promotion-intent';
import { PROMOTION_JOURNAL_SCHEMA as schema, writePromotionJournal } from './promotion-journal';
import { promotionPaths, type PromotionPaths } from './promotion-paths';
import type { PromotionResult } from './promotion-result';
import { readPromotionState } from './promotion-store';
import { reconcilePromotionJournal } from './reconcile-promotion-journal';
import { applierEnvironment, renderApplierCommand } from './render-applier-command';
import { stageState } from './stage-queries';
import { _redactApplierLog } from './_redact-applier-log';
import { acquireStageLock } from './stage-lock';

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

/**
 * Runs `rc promote`: decides, checks governance and, for apply/rollback/release, changes the
 * stage under its lock with the intent journaled first. Throws InvalidInputError (exit 2) for an
 * unknown stage or mode and ConflictError (exit 3) when the stage is busy; a blocked request is a
 * result with exit code 1 that changed nothing but its artifacts.
 */
export async function orchestratePromotion(
  request: PromotionRequest,
  context: PromotionContext,
): Promise<PromotionRun> {
  const { config } = context;
  if (!(PROMOTION_MODES as readonly string[]).includes(request.mode)) {
    throw new InvalidInputError(
      `unknown mode "${request.mode}" (expected ${PROMOTION_MODES.join(', ')})`,
    );
  }
  const stageIndex = config.stages.indexOf(request.stage);
  if (stageIndex === -1) {
    throw new InvalidInputError(
      `unknown stage "${request.stage}" (configured: ${config.stages.join(', ')})`,
    );
  }
  if (request.candidate === null && (request.mode === 'apply' || request.mode === 'dry_run')) {
    throw new InvalidInputError(`--candidate is required with --mode ${request.mode}`);
  }
  const action = actionOf(request);
  const paths = promotionPaths(config, context.cwd, request.stage, request.runId);
  const key =
    request.idempotencyKey ??
    deriveIdempotencyKey(
      request.runId,
      request.stage,
      request.mode,
      request.candidate === null ? '' : formatCandidate(request.candidate),
    );
  const traceId = request.traceId ?? deriveTraceId(key);
  const owner = lockOwner(request.runId, traceId);
  if (request.mode !== 'dry_run' && action !== 'release' && config.applier.command.length === 0) {
    throw new InvalidInputError('promotion.applier.command: no applier command is configured');
  }
  const lock =
    request.mode === 'dry_run'
      ? null
      : await acquireStageLock({ path: paths.lock, stage: request.stage, owner });
  try {
    const recovered =
      lock === null
        ? []
        : await reconcilePromotionJournal({
            paths,
            stage: request.stage,
            cwd: context.cwd,
            owner,
            redactor: context.redactor,
            runId: request.runId,
            finished: formatPhoenix(request.now),
          });
    const state = await readPromotionState(paths.state);
    const duplicate =
      lock === null ? null : await findDuplicate(state, key, request, action, paths);
    if (duplicate !== null) return { result: duplicate, duplicate: true, recovered, paths };
    const stage = stageState(state, request.stage);
    const previousName = stageIndex === 0 ? null : (config.stages[stageIndex - 1] ?? null);
    const decided = request.candidate ?? (action === 'rollback' ? stage.current : null);
    const signalsFile = join(context.cwd, request.signalsFile ?? config.signals_file);
    const signals = decided === null ? null : await loadPromotionSignals(signalsFile);
    const decision = decided === null ? null : decidePromotion(signals, config.thresholds, decided);
    const governance = evaluateGovernance(config.governance, {
      kind: action === 'promote' ? 'apply' : action,
      actor: request.actor,
      approvers: request.approvers,
      approvals: request.approvals,
      changeTicket: request.changeTicket,
      intent: request.intent,
      now: request.now,
    });
    const plan = planPromotion({
      action,
      mode: request.mode,
      stage: request.stage,
      candidate: request.candidate,
      intent: request.intent,
      state: stage,
      previousStage:
        previousName === null
          ? null
          : { name: previousName, state: stageState(state, previousName) },
      decision,
      governance,
    });
    const at = formatPhoenix(request.now);
    const base: PromotionResult = {
      schema: 'rc.promotion-result.v1',
      mode: request.mode,
      action,
      stage: request.stage,
      candidate: request.candidate,
      target: plan.target,
      outcome: 'previewed',
      exit_code: 0,
      reasons: [],
      checks: plan.checks,
      decision,
      governance,
      applier: null,
      versions: { before: stage.current, after: stage.current },
      run_id: request.runId,
      idempotency_key: key,
      trace_id: traceId,
      actor: request.actor,
      intent: request.intent,
      change_ticket: request.changeTicket,
      approvers: [...request.approvers],
      signals: {
        file: request.signalsFile ?? config.signals_file,
        source: signals?.source ?? null,
        found: signals !== null,
      },
      recovered_by: null,
      phoenix_timestamps: { started: at, finished: at },
    };
    const failed = plan.checks
      .filter((check) => !check.passed)
      .map((check) => `${check.name}: ${check.reason}`);
    if (request.mode === 'dry_run') {
      const result = {
        ...base,
        reasons: [
          plan.allowed ? `would ${action} ${request.stage}` : `would be blocked`,
          ...failed,
          ...(await pendingNote(paths)),
        ],
      };
      await writeResultArtifacts(result, paths, context.redactor);
      return { result, duplicate: false, recovered, paths };
    }
    if (!plan.allowed) {
      const result: PromotionResult = {
        ...base,
        outcome: 'blocked',
        exit_code: 1,
        reasons: failed,
      };
      await writeResultArtifacts(result, paths, context.redactor);
      return { result, duplicate: false, recovered, paths };
    }
    const result = await change(plan, base, stage.history.length, request, context, paths, owner);
    return { result, duplicate: false, recovered, paths };
  } finally {
    await lock?.release();
  }
}

function actionOf(request: PromotionRequest): PromotionAction {
  const mode = request.mode === 'dry_run' ? (intentMode(request.intent) ?? 'apply') : request.mode;
  return mode === 'rollback' ? 'rollback' : mode === 'release' ? 'release' : 'promote';
}

// The journal goes to disk before the applier starts and is updated the moment it ends, so a
// crash anywhere leaves enough behind for the next run to finish recording or flag the stage.
async function change(
  plan: PromotionPlan,
  base: PromotionResult,
  attempt: number,
  request: PromotionRequest,
  context: PromotionContext,
  paths: PromotionPaths,
  owner: ReturnType<typeof lockOwner>,
): Promise<PromotionResult> {
  // A release of a stage that never ran anything (its only change had an unknown outcome) has
  // no version to name; the entry records an empty one.
  const target: Candidate = plan.target ?? { version: '', digest: null };
  const entry = {
    kind: plan.action,
    version: target.version,
    digest: target.digest,
    previous: plan.before,
    rolled_back_from: plan.action === 'rollback' ? plan.before : null,
    outcome: 'unknown' as const,
    applier_exit: null,
    run_id: base.run_id,
    idempotency_key: base.idempotency_key,
    trace_id: base.trace_id,
    actor: base.actor,
    phoenix_timestamp: base.phoenix_timestamps.started,
  };
  const finish = (
    applier: Parameters<typeof finalizePromotion>[0]['applier'],
    journal: Parameters<typeof finalizePromotion>[0]['journal'],
  ) =>
    finalizePromotion({
      journal,
      applier,
      paths,
      cwd: context.cwd,
      owner,
      redactor: context.redactor,
      finished: formatPhoenix(request.now),
      recoveredBy: null,
    });
  if (plan.action === 'release') {
    // A release runs no applier: its journal is `applied` with a clean exit, so a crash after
    // it is recorded as the release it was.
    const done = {
      exitCode: 0,
      signal: null,
      timedOut: false,
      interrupted: false,
      spawnError: null,
    };
    const journal = {
      schema,
      phase: 'applied' as const,
      attempt,
      entry,
      result: base,
      applier: done,
    };
    await writePromotionJournal(paths.journal, journal, context.redactor);
    const released = await finish(done, journal);
    return {
      ...released,
      outcome: 'released',
      reasons: [
        `${base.stage}: hold released on ${released.versions.after === null ? '(none)' : formatCandidate(released.versions.after)}`,
      ],
    };
  }
  const variables = {
    mode: plan.action === 'rollback' ? ('rollback' as const) : ('apply' as const),
    stage: base.stage,
    version: target.version,
    digest: target.digest ?? '',
    previous: plan.before === null ? '' : formatCandidate(plan.before),
    run_id: base.run_id,
    idempotency_key: base.idempotency_key,
    trace_id: base.trace_id,
  };
  const argv = renderApplierCommand(
    context.config.applier.command,
    context.config.applier.forward_args,
    variables,
  );
  const result: PromotionResult = {
    ...base,
    applier: {
      argv,
      exit_code: null,
      signal: null,
      timed_out: false,
      note: null,
      log: applierLogPath(paths, context.cwd),
    },
  };
  const started = { schema, phase: 'started' as const, attempt, entry, result, applier: null };
  await writePromotionJournal(paths.journal, started, context.redactor);
  const [command = '', ...args] = argv;
  const env = Object.fromEntries(
    Object.entries(context.env).filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
  const logFile = join(paths.runDir, APPLIER_LOG_FILE);
  await mkdir(paths.runDir, { recursive: true });
  // A header, then the transcript streams in; a re-run under the same run id starts it afresh.
  await writeFile(
    logFile,
    context.redactor.redact(`# trace ${base.trace_id} run ${base.run_id}\n# ${argv.join(' ')}\n`),
  );
  const ended = await context.runner.run({
    command,
    args,
    env: { ...env, ...applierEnvironment(variables) },
    cwd: context.cwd,
    timeoutMs: context.config.applier.timeout_ms,
    logFile,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  const applied = { ...started, phase: 'applied' as const, applier: ended };
  await writePromotionJournal(paths.journal, applied, context.redactor);
  await _redactApplierLog(logFile, context.redactor);
  return finish(ended, applied);
}

async function findDuplicate(
  state: Awaited<ReturnType<typeof readPromotionState>>,
  key: string,
  request: PromotionRequest,
  action: PromotionAction,
  paths: PromotionPaths,
): Promise<PromotionResult | null> {
  for (const [stage, value] of Object.entries(state.stages)) {
    const entry = [...value.history].reverse().find((e) => e.idempotency_key === key);
    if (entry === undefined || entry.outcome === 'failed') continue;
    const same =
      stage === request.stage &&
      entry.kind === action &&
      (request.candidate === null ||
        action === 'rollback' ||
        sameCandidate(request.candidate, entry));
    if (!same) {
      throw new ConflictError(
        `idempotency key ${key} was already used for a different change (${entry.kind} ${entry.version} in ${stage}, run ${entry.run_id})`,
      );
    }
    try {
      const text = await readFile(join(paths.artifactsRoot, entry.run_id, RESULT_FILE), 'utf8');
      const recorded = JSON.parse(text) as PromotionResult;
      if (recorded.idempotency_key === key) return recorded;
    } catch {
      // The artifact is gone or was replaced; the state file still knows what happened.
    }
    throw new ConflictError(
      `idempotency key ${key} was recorded by run ${entry.run_id} (${entry.outcome}), but its result artifact is missing`,
    );
  }
  return null;
}

async function pendingNote(paths: PromotionPaths): Promise<string[]> {
  try {
    await readFile(paths.journal);
    return [
      'a crashed run left a journal; the next apply, rollback or release reconciles it first',
    ];
  } catch {
    return [];
  }
}
