import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  canonicalJson,
  createRedactor,
  InvalidInputError,
  OperationError,
  parsePhoenix,
  parseRunId,
  formatRunId,
  type Result,
} from '@rc/orchestrator-core';
import {
  createExecApplierRunner,
  orchestratePromotion,
  parseCandidate,
  parseLogin,
  PROMOTION_MODES,
  RESULT_FILE,
  SUMMARY_FILE,
  type PromotionMode,
} from '@rc/rollout';
import { createActionsIo } from '@rc/github';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';

/** Options of `rc promote`. */
export interface PromoteOptions {
  mode: string;
  stage: string;
  candidate?: string;
  intent?: string;
  idempotencyKey?: string;
  traceId?: string;
  signals?: string;
  actor?: string;
  approvals?: string;
  approver?: string[];
  changeTicket?: string;
  runId?: string;
  now?: string;
  config?: string;
  json?: boolean;
  /** A dry run whose apply would be blocked exits 1 (for CI gates). */
  failOnBlock?: boolean;
}

/** `rc promote`: dry_run, apply, rollback or release one stage; exit code from the result. */
export async function promote(options: PromoteOptions, io: CliIo): Promise<number> {
  if (!(PROMOTION_MODES as readonly string[]).includes(options.mode)) {
    throw new InvalidInputError(
      `--mode: unknown mode "${options.mode}" (expected ${PROMOTION_MODES.join(', ')})`,
    );
  }
  if (options.approvals !== undefined && (options.approver ?? []).length > 0) {
    throw new InvalidInputError('--approvals and --approver cannot be used together');
  }
  const approvals = options.approvals === undefined ? null : Number(options.approvals);
  if (approvals !== null && !(Number.isInteger(approvals) && approvals >= 0)) {
    throw new InvalidInputError(`--approvals: "${options.approvals}" is not a whole number`);
  }
  const approvers = (options.approver ?? []).map((login) =>
    checked(parseLogin(login, '--approver')),
  );
  const fromEnv = text(io.env['GITHUB_ACTOR']);
  const actor =
    options.actor !== undefined
      ? checked(parseLogin(options.actor, '--actor'))
      : fromEnv === null
        ? null
        : checked(parseLogin(fromEnv, 'GITHUB_ACTOR'));
  const candidate = options.candidate === undefined ? null : parseCandidate(options.candidate);
  if (candidate !== null && !candidate.ok) {
    throw new InvalidInputError(`--candidate: ${candidate.issues.join('; ')}`);
  }
  const now = instant(options.now, io);
  const runId = options.runId ?? (io.env['PHOENIX_RUN_ID'] || formatRunId(now));
  const runIdCheck = parseRunId(runId);
  if (!runIdCheck.ok) throw new InvalidInputError(`--run-id: ${runIdCheck.issues.join('; ')}`);
  const { config, root } = await loadConfig(options.config, io);
  // Defaults alone name no applier: a dry run would preview a change nothing could make.
  if (config.promotion.applier.command.length === 0)
    throw new InvalidInputError(
      'no promotion is configured here: orchestration.yaml has no promotion.applier.command (see docs/ops-manager-v0.md); nothing was written',
    );
  const redactor = createRedactor({ env: io.env });
  const run = await orchestratePromotion(
    {
      mode: options.mode as PromotionMode,
      stage: options.stage,
      candidate: candidate === null ? null : candidate.value,
      intent: text(options.intent),
      idempotencyKey: text(options.idempotencyKey),
      traceId: text(options.traceId) ?? text(io.env['RC_TRACE_ID']),
      runId,
      now,
      actor,
      approvers,
      approvals,
      changeTicket: text(options.changeTicket),
      // --signals is relative to the working directory, the config's paths to the config file.
      signalsFile: signalsFile(text(options.signals), root, io.cwd),
    },
    {
      config: config.promotion,
      cwd: root,
      runner: createExecApplierRunner(),
      env: io.env,
      redactor,
      signal: io.signal,
    },
  );
  const { result } = run;
  for (const recovered of run.recovered) {
    io.stderr.write(
      `rc: reconciled a crashed run ${recovered.run_id} (${recovered.action} ${recovered.stage}): ${recovered.outcome}; ${recovered.reasons.join('; ')}\n`,
    );
  }
  const dir = join(run.paths.artifactsRoot, result.run_id);
  const summaryPath = join(dir, SUMMARY_FILE);
  const artifacts = {
    result: relative(io.cwd, join(dir, RESULT_FILE)),
    summary: relative(io.cwd, summaryPath),
  };
  const actions = createActionsIo({ env: io.env, redactor });
  if (actions.inActions && !run.duplicate) {
    await actions.appendSummary(await readFile(summaryPath, 'utf8'));
    actions.setOutput('outcome', result.outcome);
    actions.setOutput('result_path', artifacts.result);
  }
  if (options.json) {
    io.stdout.write(
      canonicalJson({ artifacts, duplicate: run.duplicate, recovered: run.recovered, result }),
    );
  } else {
    io.stdout.write(
      [
        `${result.mode}: ${result.action} ${result.stage}: ${result.outcome}${run.duplicate ? ' (already recorded; nothing ran)' : ''} (exit ${result.exit_code})`,
        ...result.checks.map(
          (check) => `  ${check.passed ? 'pass' : 'FAIL'}  ${check.name}: ${check.reason}`,
        ),
        ...result.reasons.map((reason) => `  - ${reason}`),
        `  trace ${result.trace_id}  key ${result.idempotency_key}`,
        `  artifacts ${artifacts.result}, ${artifacts.summary}`,
        '',
      ].join('\n'),
    );
  }
  if (options.failOnBlock && result.mode === 'dry_run' && result.blocked_by.length > 0) {
    const blocking = result.checks.filter((check) => result.blocked_by.includes(check.name));
    throw new OperationError(
      `dry run: an apply of ${result.stage} would be blocked by ${result.blocked_by.join(', ')} (--fail-on-block)`,
      { issues: blocking.map((check) => `${check.name}: ${check.reason}`) },
    );
  }
  return result.exit_code;
}

const text = (value: string | undefined) => (value === undefined || value === '' ? null : value);

// Logins are read once, here: normalised as GitHub compares them, blank ones refused (exit 2).
function signalsFile(given: string | null, root: string, cwd: string): string | null {
  return given === null ? null : relative(root, resolve(cwd, given));
}

function checked(login: Result<string>): string {
  if (!login.ok) throw new InvalidInputError(login.issues.join('; '));
  return login.value;
}

function instant(text: string | undefined, io: CliIo): Date {
  if (text === undefined) return io.clock();
  const parsed = parsePhoenix(text);
  if (!parsed.ok) throw new InvalidInputError(`--now: ${parsed.issues.join('; ')}`);
  return parsed.value.toJSDate();
}
