// Playbooks: the pure parts (parse, schedule, re-plan, settle, resume, ledger) and one run function.
export { parseMasterPlan } from './parse-master-plan';
export { planHash } from './plan-hash';
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
export { AGENT_PRESET_NAMES, agentTitle, parseAgentOption } from './agent-invocation';
export { releaseRiskFiles, replanTask, splitTask } from './replan-task';
export { decideSettle, settleMergeIntent } from './decide-settle';
export { decideResume } from './decide-resume';
export { MERGE_TRAILERS } from './merge-task-branch';
export {
  CheckEvidenceSchema,
  EVIDENCE_RESULTS,
  INTERRUPTED_NEXT_ACTION,
  LEDGER_FILE,
  LedgerEntrySchema,
  MERGE_OUTCOMES,
  REPLAN_ACTIONS,
} from './ledger-entry';
export { appendLedger, ledgerLine, mergeLedgers, readLedger } from './ledger-file';
export { renderLedger } from './render-ledger';
export { runPlaybook } from './run-playbook';
export { playbookStatus } from './playbook-status';
export { mergePlaybook } from './merge-playbook';
export { decideFanIn } from './decide-fan-in';

export type { MasterPlan, PlaybookTask } from './playbook-task';
export type { ParseMasterPlanOptions } from './parse-master-plan';
export type { PlaybookSchedule, ScheduledTask, ScheduleTasksOptions } from './schedule-tasks';
export type { ScheduleWave } from './group-waves';
export type { PlanFormat } from './format-playbook-plan';
export type { RenderExecutionCardInput } from './render-execution-card';
export type { ReplanDecision, ReplanInput, ReplanSignals } from './replan-task';
export type { SettleDecision, SettleFacts } from './decide-settle';
export type { ResumeDecision, ResumeFacts, TaskStanding } from './decide-resume';
export type { Harvest } from './harvest-task';
export type { MergeResult } from './merge-task-branch';
export type { AgentRequest, CheckRequest, PlaybookPorts, ProcessResult } from './playbook-ports';
export type {
  CheckEvidence,
  EvidenceResult,
  LedgerEntry,
  MergeOutcome,
  ReplanAction,
} from './ledger-entry';
export type { Ledger } from './ledger-file';
export type { PlaybookEvent, PlaybookRunResult, RunPlaybookInput } from './run-playbook';
export type { PlaybookStatus, PlaybookStatusInput } from './playbook-status';
export type { MergePlaybookInput, MergePlaybookResult } from './merge-playbook';
export type { FanInStep } from './decide-fan-in';
