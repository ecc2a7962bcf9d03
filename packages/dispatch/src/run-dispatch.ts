import type { DispatchEnvelope, DispatchPlan, Redactor } from '@rc/orchestrator-core';
import { appendDispatchLog } from './append-dispatch-log';
import { buildEnvelope } from './build-envelope';
import { decideDispatch, type DispatchDecision } from './decide-dispatch';
import type { DispatchEvent } from './dispatch-event';
import type { DispatchOutcome, DispatchTrigger } from './dispatch-log-entry';
import { envelopeWorkflowInput } from './envelope-workflow-input';
import { readDispatchLog } from './read-dispatch-log';
import { writeEnvelopeArtifact } from './write-envelope-artifact';
import { writePlanArtifact } from './write-plan-artifact';

/** A reaction on the command's comment: eyes on receipt, rocket on dispatch, confused on failure. */
export type DispatchReaction = 'eyes' | 'rocket' | 'confused';

/** What {@link RunDispatchInput.fire} is given: everything is already written and redacted. */
export interface FireRequest {
  plan: DispatchPlan;
  envelope: DispatchEnvelope;
  /** The absolute path of the written `envelope.json`. */
  envelopePath: string;
  /** The workflow inputs to send, redacted exactly as the artifacts, `envelope` included. */
  inputs: Record<string, string>;
}

/** Input of {@link runDispatch}. The adapters (`fire`, `react`, `warn`) are the only I/O it does not own. */
export type RunDispatchInput = DispatchEvent & {
  plan: DispatchPlan;
  /** The orchestrator artifacts directory (plan, envelope, dispatch log). */
  dir: string;
  /** Scrubs secrets from everything written or sent. */
  redactor: Redactor;
  /** How a dispatch that goes ahead is triggered; `none` records it without calling `fire`. */
  trigger: DispatchTrigger;
  /** Only decide and report; nothing is written or triggered. @default false */
  dryRun?: boolean;
  /** The `X-GitHub-Delivery` id, kept in the envelope. @default null */
  deliveryId?: string | null;
  /**
   * Triggers the run (workflow_dispatch, a local command). Resolves with null when it went
   * through, or with the reason it did not; a rejection counts as a failure with its message.
   */
  fire: (request: FireRequest) => Promise<string | null>;
  /**
   * Adds a reaction to the command's comment; called only around `fire` and only for a comment.
   * A rejection is passed to `warn`, never fails the dispatch.
   * @default undefined (no reactions)
   */
  react?: (content: DispatchReaction, commentId: number) => Promise<void>;
  /** Told about what went wrong without failing the dispatch. @default undefined */
  warn?: (message: string, fields: Record<string, unknown>) => void;
};

/** What {@link runDispatch} did. `files` holds the absolute paths it wrote, in writing order. */
export interface DispatchResult {
  decision: DispatchDecision;
  envelope: DispatchEnvelope;
  outcome: DispatchOutcome;
  reason: string | null;
  files: { plan: string | null; envelope: string | null; log: string | null };
}

/**
 * The one dispatch pipeline of the CLI and the Action: reads the dispatch log, asks
 * {@link decideDispatch}, then writes the plan and envelope, fires the trigger and appends the
 * outcome to the log, as the decision says. A failed trigger is a `failed` outcome (logged), not
 * an exception; invalid artifacts or an unwritable directory throw rc errors.
 */
export async function runDispatch(input: RunDispatchInput): Promise<DispatchResult> {
  const { plan, dir, redactor } = input;
  const envelope = buildEnvelope({ ...input, deliveryId: input.deliveryId ?? null });
  const log = await readDispatchLog(dir);
  for (const bad of log.malformed)
    input.warn?.('skipped a malformed dispatch-log line', { line: bad.line });
  const decision = decideDispatch({
    plan,
    envelope,
    log: log.entries,
    trigger: input.trigger,
    dryRun: input.dryRun === true,
  });
  const files: DispatchResult['files'] = { plan: null, envelope: null, log: null };
  if (decision.kind === 'dry_run')
    return { decision, envelope, outcome: 'dry_run', reason: null, files };
  if (decision.kind === 'duplicate') {
    files.log = (await appendDispatchLog({ dir, entry: decision.entry, redactor })).path;
    return { decision, envelope, outcome: 'duplicate', reason: decision.entry.reason, files };
  }
  files.plan = (await writePlanArtifact({ dir, plan, redactor })).path;
  files.envelope = (await writeEnvelopeArtifact({ dir, envelope, redactor })).path;
  const entry =
    decision.kind === 'plan_only'
      ? decision.entry
      : {
          ...decision.pending,
          ...(input.trigger === 'none'
            ? { outcome: 'recorded' as const, reason: null }
            : await fire(input, envelope, files.envelope)),
        };
  files.log = (await appendDispatchLog({ dir, entry, redactor })).path;
  return { decision, envelope, outcome: entry.outcome, reason: entry.reason, files };
}

async function fire(
  input: RunDispatchInput,
  envelope: DispatchEnvelope,
  envelopePath: string,
): Promise<{ outcome: 'dispatched' | 'failed'; reason: string | null }> {
  const react = async (content: DispatchReaction) => {
    if (input.react === undefined || envelope.comment_id === 0) return;
    try {
      await input.react(content, envelope.comment_id);
    } catch (error) {
      // A missing reaction must not turn a good dispatch into a failure.
      input.warn?.('reaction failed', { content, error: errorText(error) });
    }
  };
  // Eyes says "received": it goes out beside the trigger rather than before it, one round trip
  // fewer before the run starts; rocket or confused waits for the trigger's answer.
  const eyes = react('eyes');
  let reason: string | null;
  try {
    reason = await input.fire({
      plan: input.plan,
      envelope,
      envelopePath,
      inputs: {
        ...input.redactor.redactValue(input.plan.workflow.inputs),
        envelope: envelopeWorkflowInput(envelope, input.redactor),
      },
    });
  } catch (error) {
    reason = errorText(error);
  }
  await eyes;
  await react(reason === null ? 'rocket' : 'confused');
  return reason === null ? { outcome: 'dispatched', reason } : { outcome: 'failed', reason };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
