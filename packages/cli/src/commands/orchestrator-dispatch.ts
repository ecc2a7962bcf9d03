import { relative } from 'node:path';
import {
  canonicalJson,
  InvalidInputError,
  OperationError,
  type DispatchEnvelope,
  type DispatchPlan,
} from '@rc/orchestrator-core';
import {
  appendDispatchLog,
  buildEnvelope,
  DISPATCH_LOG_FILE,
  envelopeWorkflowInput,
  findPriorDispatch,
  readDispatchLog,
  toDispatchEvent,
  writeEnvelopeArtifact,
  writePlanArtifact,
  type DispatchOutcome,
  type DispatchTrigger,
} from '@rc/dispatch';
import { addReaction, dispatchWorkflow, type GitHubClient, type ReactionContent } from '@rc/github';
import type { CliIo } from '../cli-io';
import { githubFromEnv } from '../github-from-env';
import { runLocalCommand } from '../run-local-command';
import { planFromInput, type PlanOptions, type PlannedRun } from './_plan-from-input';

/** Options of `rc orchestrator dispatch`. */
export interface DispatchOptions extends PlanOptions {
  trigger: string;
  dryRun?: boolean;
  deliveryId?: string;
}

interface Outcome {
  outcome: DispatchOutcome;
  reason: string | null;
}

/** `rc orchestrator dispatch`: plan, record, and trigger once per idempotency key. */
export async function orchestratorDispatch(options: DispatchOptions, io: CliIo): Promise<number> {
  const trigger = triggerOf(options.trigger);
  const run = await planFromInput(options, io);
  const { plan, artifactsDir, redactor, logger } = run;
  const envelope = buildEnvelope({
    ...toDispatchEvent(run.event),
    plan,
    deliveryId: options.deliveryId ?? (io.env['GITHUB_DELIVERY'] || null),
  });
  const dryRun = options.dryRun === true || plan.command.dry_run;
  const log = await readDispatchLog(artifactsDir);
  for (const bad of log.malformed)
    logger.warn('skipped a malformed dispatch-log line', { line: bad.line });
  const prior = findPriorDispatch(log.entries, envelope.idempotency_key);
  if (dryRun) {
    print(io, options, run, {
      outcome: 'dry_run',
      trigger,
      duplicate_of: prior?.run_id ?? null,
      issue: `#${plan.issue.number}`,
      prompt: plan.prompt.path,
      workflow: `${plan.workflow.file} @ ${plan.workflow.ref}`,
      plan,
      envelope,
      would_write: [`${plan.run_id}/plan.json`, `${plan.run_id}/envelope.json`, DISPATCH_LOG_FILE],
    });
    return 0;
  }
  const entry = (result: Outcome) => ({
    run_id: plan.run_id,
    idempotency_key: envelope.idempotency_key,
    issue_number: plan.issue.number,
    prompt: plan.prompt.name,
    workflow: plan.workflow.name,
    trigger,
    phoenix_timestamp: plan.phoenix_timestamp,
    ...result,
  });
  if (prior !== null) {
    const reason = `duplicate of run ${prior.run_id} (same comment); nothing triggered`;
    await appendDispatchLog({
      dir: artifactsDir,
      entry: entry({ outcome: 'duplicate', reason }),
      redactor,
    });
    logger.info('duplicate dispatch', { duplicate_of: prior.run_id });
    print(io, options, run, {
      outcome: 'duplicate',
      trigger,
      run_id: plan.run_id,
      duplicate_of: prior.run_id,
      reason,
    });
    return 0;
  }
  const planFile = await writePlanArtifact({ dir: artifactsDir, plan, redactor });
  const envelopeFile = await writeEnvelopeArtifact({ dir: artifactsDir, envelope, redactor });
  logger.info('dispatching', { trigger, idempotency_key: envelope.idempotency_key });
  const result = await fire(trigger, run, envelope, envelopeFile.path, io);
  const logged = await appendDispatchLog({ dir: artifactsDir, entry: entry(result), redactor });
  const paths = {
    plan: relative(io.cwd, planFile.path),
    envelope: relative(io.cwd, envelopeFile.path),
    log: relative(io.cwd, logged.path),
  };
  if (result.outcome === 'failed') {
    logger.error('dispatch failed', { reason: result.reason });
    throw new OperationError(`dispatch failed: ${result.reason ?? 'unknown reason'}`);
  }
  logger.info('dispatch recorded', { outcome: result.outcome });
  print(io, options, run, {
    outcome: result.outcome,
    trigger,
    run_id: plan.run_id,
    idempotency_key: envelope.idempotency_key,
    paths,
  });
  return 0;
}

async function fire(
  trigger: DispatchTrigger,
  run: PlannedRun,
  envelope: DispatchEnvelope,
  envelopePath: string,
  io: CliIo,
): Promise<Outcome> {
  if (trigger === 'none') return { outcome: 'recorded', reason: null };
  if (trigger === 'local') {
    const template = run.config.dispatch.local_command;
    if (template === null)
      throw new InvalidInputError(
        '--trigger local needs dispatch.local_command in orchestration.yaml',
      );
    const code = await runLocalCommand(template, envelopePath, io);
    return code === 0
      ? { outcome: 'dispatched', reason: null }
      : { outcome: 'failed', reason: `local command exited ${code}` };
  }
  const client = githubFromEnv(io.env);
  if (client === null)
    return { outcome: 'failed', reason: 'no token: set ORCHESTRATOR_BOT_TOKEN or GITHUB_TOKEN' };
  return triggerGitHub(client, run.plan, envelope, run);
}

async function triggerGitHub(
  client: GitHubClient,
  plan: DispatchPlan,
  envelope: DispatchEnvelope,
  run: PlannedRun,
): Promise<Outcome> {
  const [owner = '', repo = ''] = plan.repository.split('/');
  const react = async (content: ReactionContent) => {
    if (envelope.comment_id === 0) return;
    try {
      await addReaction(client, { owner, repo, commentId: envelope.comment_id, content });
    } catch (error) {
      // A missing reaction must not turn a good dispatch into a failure; it is logged.
      run.logger.warn('reaction failed', { content, error });
    }
  };
  await react('eyes');
  try {
    await dispatchWorkflow(client, {
      owner,
      repo,
      workflowFile: plan.workflow.file,
      ref: plan.workflow.ref,
      // What leaves rc is redacted exactly as what it writes (plan.json, envelope.json).
      inputs: {
        ...run.redactor.redactValue(plan.workflow.inputs),
        envelope: envelopeWorkflowInput(envelope, run.redactor),
      },
    });
  } catch (error) {
    await react('confused');
    return { outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  await react('rocket');
  return { outcome: 'dispatched', reason: null };
}

function triggerOf(text: string): DispatchTrigger {
  if (text === 'github' || text === 'local' || text === 'none') return text;
  throw new InvalidInputError(`--trigger: "${text}" is not one of github, local, none`);
}

function print(
  io: CliIo,
  options: DispatchOptions,
  run: PlannedRun,
  summary: Record<string, unknown>,
): void {
  if (options.json) {
    // Field by field, as the artifacts: the plan and envelope shown are the ones written and sent.
    io.stdout.write(canonicalJson(run.redactor.redactValue(summary)));
    return;
  }
  const lines = [`dispatch ${String(summary['outcome'])} (trigger ${String(summary['trigger'])})`];
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'outcome' || key === 'trigger' || key === 'plan' || key === 'envelope') continue;
    lines.push(`  ${key.padEnd(16)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
