export { planDispatch } from './plan-dispatch';
export { PLAN_ERROR_CODES, planErrorToRcError } from './plan-error';
export { resolvePromptFile } from './resolve-prompt-file';
export { toDispatchEvent } from './dispatch-event';
export { buildEnvelope } from './build-envelope';
// Re-exported for callers that build envelopes; the key rule itself lives in core.
export { runIdempotencyKey } from '@rc/orchestrator-core';
export {
  DEFAULT_MAX_TEXT_LENGTH,
  sanitizeUntrustedText,
  TRUNCATION_MARKER,
} from './sanitize-untrusted-text';
export { sanitizeSlashCommand } from './sanitize-slash-command';
export { listPromptFiles } from './list-prompt-files';
export { PLAN_FILE, writePlanArtifact } from './write-plan-artifact';
export { ENVELOPE_FILE, writeEnvelopeArtifact } from './write-envelope-artifact';
export { envelopeWorkflowInput } from './envelope-workflow-input';
export { DISPATCH_LOG_FILE, DISPATCH_OUTCOMES, DISPATCH_TRIGGERS } from './dispatch-log-entry';
export { appendDispatchLog, MAX_REASON_LENGTH } from './append-dispatch-log';
export { readDispatchLog } from './read-dispatch-log';
export { findPriorDispatch } from './find-prior-dispatch';
export { decideDispatch, PLAN_ONLY_REASON } from './decide-dispatch';
export { planFromEvent } from './plan-from-event';
export { runDispatch } from './run-dispatch';
export { commandInstructions } from './command-instructions';
export { INSTRUCTIONS_TAG, instructionsPromptBlock } from './instructions-prompt-block';

export type { PlanDispatchInput } from './plan-dispatch';
export type { TargetIssue } from './target-issue';
export type { PlanError, PlanErrorCode, PlanResult } from './plan-error';
export type { ResolvedPrompt, ResolvePromptFileInput } from './resolve-prompt-file';
export type { DispatchEvent } from './dispatch-event';
export type { BuildEnvelopeInput } from './build-envelope';
export type { SanitizeUntrustedTextOptions } from './sanitize-untrusted-text';
export type { ArtifactWriteResult, WritePlanArtifactInput } from './write-plan-artifact';
export type { WriteEnvelopeArtifactInput } from './write-envelope-artifact';
export type { DispatchLogEntry, DispatchOutcome, DispatchTrigger } from './dispatch-log-entry';
export type { AppendDispatchLogInput } from './append-dispatch-log';
export type { DispatchLog, MalformedLogLine } from './read-dispatch-log';
export type { DecideDispatchInput, DispatchDecision, PendingLogEntry } from './decide-dispatch';
export type { PlanFromEventInput } from './plan-from-event';
export type { CommandInstructionsOptions } from './command-instructions';
export type {
  DispatchReaction,
  DispatchResult,
  FireRequest,
  RunDispatchInput,
} from './run-dispatch';
