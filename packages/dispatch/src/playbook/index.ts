// Playbooks: a separate entry point (`@rc/dispatch/playbook`), so the dispatch planner
// alone never loads the process runner.
export { parseMasterPlan } from './parse-master-plan';
export { TASK_ID_PATTERN } from './playbook-task';
export {
  isGlobScope,
  isInScope,
  scopeBase,
  scopeEntriesOverlap,
  scopesOverlap,
} from './scopes-overlap';
export { scheduleTasks } from './schedule-tasks';
export { groupWaves } from './group-waves';
export { barrierWaves } from './barrier-waves';
export { formatPlaybookPlan, PLAN_FORMATS } from './format-playbook-plan';
export { PLAYBOOK_TEMPLATES } from './playbook-templates';
export { renderExecutionCard } from './render-execution-card';
export { AGENT_PRESET_NAMES, agentInvocation, parseAgentOption } from './agent-invocation';
export { createExecPorts } from './create-exec-ports';
export { harvestTask } from './harvest-task';
export { mergeTaskBranch } from './merge-task-branch';
export { releaseRiskFiles, replanTask, splitTask } from './replan-task';
export {
  CheckEvidenceSchema,
  EVIDENCE_RESULTS,
  LEDGER_FILE,
  LedgerEntrySchema,
  MERGE_OUTCOMES,
  REPLAN_ACTIONS,
} from './ledger-entry';
export { appendLedger, ledgerLine, mergeLedgers, readLedger } from './ledger-file';
export { renderLedger } from './render-ledger';
export { runPlaybook } from './run-playbook';
export type { MasterPlan, PlaybookTask } from './playbook-task';
export type { ParseMasterPlanOptions } from './parse-master-plan';
export type { PlaybookSchedule, ScheduledTask, ScheduleTasksOptions } from './schedule-tasks';
export type { ScheduleWave } from './group-waves';
export type { PlanFormat } from './format-playbook-plan';
export type { RenderExecutionCardInput } from './render-execution-card';
export type { AgentInvocation } from './agent-invocation';
export type { AgentRequest, CheckRequest, PlaybookPorts, ProcessResult } from './playbook-ports';
export type { CreateExecPortsOptions } from './create-exec-ports';
export type { Harvest, HarvestTaskInput } from './harvest-task';
export type { MergeResult } from './merge-task-branch';
export type { ReplanDecision, ReplanInput, ReplanSignals } from './replan-task';
export type {
  CheckEvidence,
  EvidenceResult,
  LedgerEntry,
  MergeOutcome,
  ReplanAction,
} from './ledger-entry';
export type { Ledger } from './ledger-file';
export type { PlaybookEvent, PlaybookRunResult, RunPlaybookInput } from './run-playbook';
