import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPhoenix, EXIT_CODES } from '@rc/orchestrator-core';
import type { LockOwner } from './_file-lock';
import { redactApplierLog } from './_redact-applier-log';
import type { ApplierOutcome } from './applier-runner';
import { formatCandidate, type Candidate } from './candidate';
import { releasedResult } from './build-promotion-result';
import { APPLIER_LOG_FILE, applierLogPath, finalizePromotion } from './finalize-promotion';
import type { PromotionPlan } from './plan-promotion';
import {
  PROMOTION_JOURNAL_SCHEMA as schema,
  writePromotionJournal,
  type PromotionJournal,
} from './promotion-journal';
import type { PromotionPaths } from './promotion-paths';
import type { PromotionContext, PromotionRequest } from './promotion-request';
import type { PromotionResult } from './promotion-result';
import { applierEnvironment, renderApplierCommand } from './render-applier-command';

/** Options of {@link runPromotionChange}: an allowed plan and everything needed to carry it out. */
export interface PromotionChangeOptions {
  readonly plan: PromotionPlan;
  /** The result so far, from basePromotionResult. */
  readonly base: PromotionResult;
  /** The change's place in the stage's history (its length before the change). */
  readonly attempt: number;
  readonly request: PromotionRequest;
  readonly context: PromotionContext;
  readonly paths: PromotionPaths;
  /** The run holding the stage lock. */
  readonly owner: LockOwner;
}

type JournalEntry = PromotionJournal['entry'];

// A release of a stage that never ran anything (its only change had an unknown outcome) has no
// version to name; the entry records an empty one.
function targetOf(plan: PromotionPlan): Candidate {
  return plan.target ?? { version: '', digest: null };
}

/** The history entry a change journals before it starts, outcome still unknown. Pure. */
function journalEntry(plan: PromotionPlan, base: PromotionResult): JournalEntry {
  const target = targetOf(plan);
  return {
    kind: plan.action,
    version: target.version,
    digest: target.digest,
    previous: plan.before,
    rolled_back_from: plan.action === 'rollback' ? plan.before : null,
    outcome: 'unknown',
    applier_exit: null,
    run_id: base.run_id,
    idempotency_key: base.idempotency_key,
    trace_id: base.trace_id,
    actor: base.actor,
    phoenix_timestamp: base.phoenix_timestamps.started,
  };
}

// A release runs no applier: its journal is `applied` with a clean exit, so a crash after it is
// recorded as the release it was.
const RELEASED: ApplierOutcome = {
  exitCode: EXIT_CODES.ok,
  signal: null,
  timedOut: false,
  interrupted: false,
  spawnError: null,
};

/**
 * Carries out an allowed change under the stage lock. The journal goes to disk before the
 * applier starts and is updated the moment it ends, so a crash anywhere leaves enough behind for
 * the next run to finish recording or flag the stage; then finalizePromotion records it.
 */
export async function runPromotionChange(
  options: PromotionChangeOptions,
): Promise<PromotionResult> {
  const { plan, base, attempt, context, paths } = options;
  const entry = journalEntry(plan, base);
  const finish = (applier: ApplierOutcome, journal: PromotionJournal) =>
    finalizePromotion({
      journal,
      applier,
      paths,
      cwd: context.cwd,
      owner: options.owner,
      redactor: context.redactor,
      finished: formatPhoenix(options.request.now),
      recoveredBy: null,
    });
  if (plan.action === 'release') {
    const journal: PromotionJournal = {
      schema,
      phase: 'applied',
      attempt,
      entry,
      result: base,
      applier: RELEASED,
    };
    await writePromotionJournal(paths.journal, journal, context.redactor);
    return releasedResult(await finish(RELEASED, journal));
  }
  const target = targetOf(plan);
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
  const {
    command: template,
    forward_args: forwardArgs,
    timeout_ms: timeoutMs,
  } = context.config.applier;
  const argv = renderApplierCommand(template, forwardArgs, variables);
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
  const started: PromotionJournal = {
    schema,
    phase: 'started',
    attempt,
    entry,
    result,
    applier: null,
  };
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
    timeoutMs,
    logFile,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  const applied: PromotionJournal = { ...started, phase: 'applied', applier: ended };
  await writePromotionJournal(paths.journal, applied, context.redactor);
  await redactApplierLog(logFile, context.redactor);
  return finish(ended, applied);
}
