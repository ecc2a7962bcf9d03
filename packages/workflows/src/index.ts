export { ACTION_PINS, pinnedUses } from './action-pins';
export { RC_VERSION } from './rc-version';
export { DEFAULT_NODE_VERSION, renderWorkflows, WORKFLOWS_DIR } from './render-workflows';
export { DEFAULT_WORKFLOWS_REPOSITORY } from './default-workflows-repository';
export { renderStarterFiles } from './render-starter-files';
export { formatFinding } from './lint/lint-finding';
export { formatSarif } from './lint/format-sarif';
export { lintWorkflow } from './lint/lint-workflow';
export { SECURITY_RULE_INFO, SECURITY_RULES } from './lint/security-rules';
export { DEFAULT_ALLOWED_SECRETS } from './lint/_rule-unexpected-secret';
export { lintWorkflowFiles } from './lint/lint-workflow-files';
export { LINT_CONFIG_FILES, LintConfigSchema, loadLintConfig } from './lint/lint-config';
export { BUNDLED_ACTIONLINT_VERSION, loadActionlint } from './lint/load-actionlint';
export { runAction } from './action/run-action';
export { readActionInputs } from './action/action-inputs';

export type { ActionPin } from './action-pins';
export type { ActionIo } from './action/run-action';
export type { ActionInputs } from './action/action-inputs';
export type { GeneratedFile, RenderWorkflowsOptions } from './render-workflows';
export type {
  RenderStarterFilesOptions,
  StarterFile,
  StarterFileKind,
} from './render-starter-files';
export type { LintFinding } from './lint/lint-finding';
export type { Confidence, Severity } from './lint/_rule';
export type { LintConfig } from './lint/lint-config';
export type { Actionlint, ActionlintResult, LintWorkflowOptions } from './lint/lint-workflow';
export type { SecurityRule } from './lint/security-rules';
export type { LintReport, LintWorkflowFilesOptions } from './lint/lint-workflow-files';
export type { LoadActionlintOptions, LoadedActionlint } from './lint/load-actionlint';
