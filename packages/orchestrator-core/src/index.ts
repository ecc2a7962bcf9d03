export { canonicalJson } from './json/canonical-json';
export { sha256Hex } from './hash/sha256-hex';
export { fail, ok } from './result';
export { formatZodIssues, validate } from './validation/validate';

export { parseSlashCommand } from './slash/parse-slash-command';
export { parseOrchestrateCommand, ORCHESTRATE_OPTIONS } from './slash/parse-orchestrate-command';
export { commandFromEvent } from './slash/command-from-event';

export {
  ORCHESTRATE_MODES,
  SlashCommandSchema,
  serializeSlashCommand,
} from './model/slash-command';
export {
  DispatchPlanSchema,
  PROMPT_SOURCES,
  RepositoryNameSchema,
  serializeDispatchPlan,
} from './model/dispatch-plan';
export {
  DispatchEnvelopeSchema,
  dispatchIdempotencyKey,
  runIdempotencyKey,
  serializeDispatchEnvelope,
} from './model/dispatch-envelope';

export {
  GitHubCommentSchema,
  GitHubIssueSchema,
  GitHubRepositorySchema,
  GitHubUserSchema,
  IssueCommentEventSchema,
  WorkflowDispatchEventSchema,
} from './events/github-event-schemas';
export { isPullRequestComment, parseGitHubEvent } from './events/parse-github-event';

export {
  DispatchConfigSchema,
  AGENT_PERMISSIONS,
  GateConfigSchema,
  LoopConfigSchema,
  REPOSITORY_ROLES,
} from './config/section-schemas';
export { LintSectionSchema, OrchestrationConfigSchema } from './config/orchestration-config';
export {
  loadOrchestrationConfig,
  parseOrchestrationConfig,
} from './config/load-orchestration-config';
export { AGENT_PRESETS, PlaybookConfigSchema } from './config/playbook-config';
export { PromotionConfigSchema, WEEK_DAYS } from './config/promotion-config';
export { orchestrationConfigJsonSchema } from './config/orchestration-config-json-schema';
export {
  findOrchestrationConfig,
  ORCHESTRATION_CONFIG_FILE,
} from './config/find-orchestration-config';

export { systemClock } from './time/clock';
export {
  formatPhoenix,
  PHOENIX_OFFSET_ZONE,
  phoenixNow,
  PHOENIX_ZONE,
  toPhoenix,
} from './time/phoenix';
export { parsePhoenix } from './time/parse-phoenix';
export { formatRunId, parseRunId, RUN_ID_PATTERN } from './time/run-id';
export { convertCron } from './time/convert-cron';

export {
  createRedactor,
  GITHUB_TOKEN_PATTERN,
  REDACTED,
  SECRET_NAME_PATTERN,
} from './redact/create-redactor';
export { isSecretCandidate, MIN_SECRET_LENGTH } from './redact/is-secret-candidate';
export { redactUrlCredentials } from './url/redact-url-credentials';
export { createLogger, LOG_LEVELS } from './log/create-logger';

export { EXIT_CODES } from './errors/exit-codes';
export {
  ConflictError,
  DeniedError,
  InterruptedError,
  InvalidInputError,
  isRcError,
  LimitReachedError,
  OperationError,
  RcError,
} from './errors/rc-error';
export { writeFileAtomic } from './fs/write-file-atomic';
export { writeJsonArtifact } from './fs/write-json-artifact';
export { assertNoSymlinks } from './fs/assert-no-symlinks';
export { appendNdjson, readNdjson } from './fs/ndjson-file';
export { escapeMarkdown } from './markdown/escape-markdown';
export { markdownCodeSpan } from './markdown/markdown-code-span';

export type { Result } from './result';
export type {
  ParsedSlashCommand,
  ParseSlashCommandOptions,
  ParseSlashCommandResult,
  SlashArgument,
} from './slash/parse-slash-command';
export type { SlashCommandError, SlashCommandErrorCode } from './slash/slash-command-error';
export type {
  ParseOrchestrateCommandOptions,
  ParseOrchestrateCommandResult,
} from './slash/parse-orchestrate-command';
export type { SlashCommand } from './model/slash-command';
export type { DispatchPlan } from './model/dispatch-plan';
export type { DispatchEnvelope } from './model/dispatch-envelope';
export type { IssueCommentEvent, WorkflowDispatchEvent } from './events/github-event-schemas';
export type { GitHubEvent, GitHubEventName } from './events/parse-github-event';
export type {
  AgentPermission,
  DispatchConfig,
  GateConfig,
  LoopConfig,
  RepositoryRole,
} from './config/section-schemas';
export type { OrchestrationConfig, OrchestrationConfigInput } from './config/orchestration-config';
export type { AgentPreset, PlaybookConfig } from './config/playbook-config';
export type {
  ChangeWindow,
  PromotionConfig,
  PromotionGovernance,
  PromotionThreshold,
  WeekDay,
} from './config/promotion-config';
export type { LoadOrchestrationConfigOptions } from './config/load-orchestration-config';
export type { ConfigSearchFs, ConfigSearchResult } from './config/find-orchestration-config';
export type { Clock } from './time/clock';
export type { Instant } from './time/phoenix';
export type { ConvertCronOptions, CronZone } from './time/convert-cron';
export type { Redactor, RedactorOptions } from './redact/create-redactor';
export type { LogFields, Logger, LoggerOptions, LogLevel, LogStream } from './log/create-logger';
export type { ExitCode } from './errors/exit-codes';
export type { RcErrorOptions } from './errors/rc-error';
export type { TextRedactor, WriteFileAtomicOptions } from './fs/write-file-atomic';
export type { ValueRedactor } from './fs/write-json-artifact';
export type { NdjsonProblem, NdjsonRecord } from './fs/ndjson-file';
