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
export { DISPATCH_LOG_FILE, DISPATCH_OUTCOMES, DISPATCH_TRIGGERS } from './dispatch-log-entry';
export { appendDispatchLog, MAX_REASON_LENGTH } from './append-dispatch-log';
export { readDispatchLog } from './read-dispatch-log';
export { findPriorDispatch } from './find-prior-dispatch';

export { parseMasterPlan } from './playbook/parse-master-plan';
export { TASK_ID_PATTERN } from './playbook/playbook-task';
export {
  isGlobScope,
  isInScope,
  scopeBase,
  scopeEntriesOverlap,
  scopesOverlap,
} from './playbook/scopes-overlap';
export { scheduleTasks } from './playbook/schedule-tasks';
export { groupWaves } from './playbook/group-waves';
export { barrierWaves } from './playbook/barrier-waves';
export { formatPlaybookPlan, PLAN_FORMATS } from './playbook/format-playbook-plan';
export { PLAYBOOK_TEMPLATES } from './playbook/playbook-templates';
export { renderExecutionCard } from './playbook/render-execution-card';
export { AGENT_PRESET_NAMES, agentInvocation, parseAgentOption } from './playbook/agent-invocation';
export { createExecPorts } from './playbook/create-exec-ports';
export { harvestTask } from './playbook/harvest-task';
export { mergeTaskBranch } from './playbook/merge-task-branch';
export { releaseRiskFiles, replanTask, splitTask } from './playbook/replan-task';
export {
  CheckEvidenceSchema,
  EVIDENCE_RESULTS,
  LEDGER_FILE,
  LedgerEntrySchema,
  MERGE_OUTCOMES,
  REPLAN_ACTIONS,
} from './playbook/ledger-entry';
export { appendLedger, ledgerLine, mergeLedgers, readLedger } from './playbook/ledger-file';
export { renderLedger } from './playbook/render-ledger';
export { runPlaybook } from './playbook/run-playbook';

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

export type { MasterPlan, PlaybookTask } from './playbook/playbook-task';
export type { ParseMasterPlanOptions } from './playbook/parse-master-plan';
export type {
  PlaybookSchedule,
  ScheduledTask,
  ScheduleTasksOptions,
} from './playbook/schedule-tasks';
export type { ScheduleWave } from './playbook/group-waves';
export type { PlanFormat } from './playbook/format-playbook-plan';
export type { RenderExecutionCardInput } from './playbook/render-execution-card';
export type { AgentInvocation } from './playbook/agent-invocation';
export type {
  AgentRequest,
  CheckRequest,
  PlaybookPorts,
  ProcessResult,
} from './playbook/playbook-ports';
export type { CreateExecPortsOptions } from './playbook/create-exec-ports';
export type { Harvest, HarvestTaskInput } from './playbook/harvest-task';
export type { MergeResult } from './playbook/merge-task-branch';
export type { ReplanDecision, ReplanInput, ReplanSignals } from './playbook/replan-task';
export type {
  CheckEvidence,
  EvidenceResult,
  LedgerEntry,
  MergeOutcome,
  ReplanAction,
} from './playbook/ledger-entry';
export type { Ledger } from './playbook/ledger-file';
export type { PlaybookEvent, PlaybookRunResult, RunPlaybookInput } from './playbook/run-playbook';
