import { relative } from 'node:path';
import { canonicalJson, InvalidInputError, OperationError } from '@rc/orchestrator-core';
import {
  runDispatch,
  toDispatchEvent,
  type DispatchResult,
  type DispatchTrigger,
  type RunDispatchInput,
} from '@rc/dispatch';
import { addReaction, dispatchWorkflow } from '@rc/github';
import type { CliIo } from '../cli-io';
import { githubFromEnv } from '../github-from-env';
import { localCommandTimeoutMs, localCommandWords, runLocalCommand } from '../run-local-command';
import { planFromInput, type PlanOptions, type PlannedRun } from './_plan-from-input';

/** Options of `rc orchestrator dispatch`. */
export interface DispatchOptions extends PlanOptions {
  trigger: string;
  dryRun?: boolean;
  deliveryId?: string;
}

/** `rc orchestrator dispatch`: plan, record, and trigger once per idempotency key. */
export async function orchestratorDispatch(options: DispatchOptions, io: CliIo): Promise<number> {
  const trigger = triggerOf(options.trigger);
  const run = await planFromInput(options, io);
  const { plan, logger } = run;
  if (trigger === 'local') {
    if (run.config.dispatch.local_command === null)
      throw new InvalidInputError(
        '--trigger local needs dispatch.local_command in orchestration.yaml',
      );
    // A bad command template or timeout is invalid input: refused before anything is written.
    localCommandWords(run.config.dispatch.local_command);
    localCommandTimeoutMs(io.env);
  }
  const result = await runDispatch({
    ...toDispatchEvent(run.event),
    plan,
    dir: run.artifactsDir,
    redactor: run.redactor,
    trigger,
    dryRun: options.dryRun === true,
    deliveryId: options.deliveryId ?? (io.env['GITHUB_DELIVERY'] || null),
    ...adapters(trigger, run, io),
    warn: (message, fields) => logger.warn(message, fields),
  });
  if (result.outcome === 'failed') {
    logger.error('dispatch failed', { reason: result.reason });
    // Ctrl-C stopped the local command: exit 130, as any interrupted command does.
    if (io.signal.aborted) throw io.signal.reason;
    throw new OperationError(`dispatch failed: ${result.reason ?? 'unknown reason'}`);
  }
  logger.info('dispatch recorded', { outcome: result.outcome });
  print(io, options, run, summarize(result, trigger, run, io));
  return 0;
}

// The trigger and reactions for one run: what differs between github, local and none.
function adapters(
  trigger: DispatchTrigger,
  run: PlannedRun,
  io: CliIo,
): Pick<RunDispatchInput, 'fire' | 'react'> {
  if (trigger === 'local') {
    const template = run.config.dispatch.local_command ?? '';
    return {
      // The command is the config's: it runs where the config's paths start.
      fire: ({ envelopePath }) =>
        runLocalCommand(
          template,
          envelopePath,
          { ...io, cwd: run.root },
          localCommandTimeoutMs(io.env),
        ),
    };
  }
  const client = trigger === 'github' ? githubFromEnv(io.env) : null;
  const [owner = '', repo = ''] = run.plan.repository.split('/');
  if (client === null)
    return { fire: async () => 'no token: set ORCHESTRATOR_BOT_TOKEN or GITHUB_TOKEN' };
  return {
    fire: async ({ plan, inputs }) => {
      run.logger.info('dispatching', { trigger });
      await dispatchWorkflow(client, {
        owner,
        repo,
        workflowFile: plan.workflow.file,
        ref: plan.workflow.ref,
        inputs,
      });
      return null;
    },
    react: async (content, commentId) => {
      await addReaction(client, { owner, repo, commentId, content });
    },
  };
}

function summarize(
  result: DispatchResult,
  trigger: DispatchTrigger,
  run: PlannedRun,
  io: CliIo,
): Record<string, unknown> {
  const { plan } = run;
  const { decision, envelope } = result;
  if (decision.kind === 'dry_run')
    return {
      outcome: 'dry_run',
      trigger,
      duplicate_of: decision.duplicateOf,
      issue: `#${plan.issue.number}`,
      prompt: plan.prompt.path,
      workflow: `${plan.workflow.file} @ ${plan.workflow.ref}`,
      plan,
      envelope,
      would_write: decision.wouldWrite,
    };
  if (decision.kind === 'duplicate')
    return {
      outcome: 'duplicate',
      trigger,
      run_id: plan.run_id,
      duplicate_of: decision.duplicateOf,
      reason: result.reason,
    };
  const shown = (path: string | null) => (path === null ? null : relative(io.cwd, path));
  return {
    outcome: result.outcome,
    trigger,
    run_id: plan.run_id,
    idempotency_key: envelope.idempotency_key,
    ...(result.reason === null ? {} : { reason: result.reason }),
    paths: {
      plan: shown(result.files.plan),
      envelope: shown(result.files.envelope),
      log: shown(result.files.log),
    },
  };
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
