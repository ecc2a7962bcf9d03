export { ACTION_PINS, pinnedUses } from './action-pins';
export { RC_VERSION } from './rc-version';
export { DEFAULT_NODE_VERSION, renderWorkflows, WORKFLOWS_DIR } from './render-workflows';
export { DEFAULT_WORKFLOWS_REPOSITORY, renderStarterFiles } from './render-starter-files';
export { formatFinding } from './lint/lint-finding';
export { lintWorkflow, SECURITY_RULES } from './lint/lint-workflow';
export { DEFAULT_ALLOWED_SECRETS } from './lint/_rule-unexpected-secret';
export { lintWorkflowFiles } from './lint/lint-workflow-files';
export { loadActionlint } from './lint/load-actionlint';
export { runAction } from './action/run-action';
export { readActionInputs } from './action/action-inputs';

export type { ActionPin } from './action-pins';
export type { ActionIo } from './action/run-action';
export type { ActionInputs } from './action/action-inputs';
export type { GeneratedFile, RenderWorkflowsOptions } from './render-workflows';
export type { RenderStarterFilesOptions } from './render-starter-files';
export type { LintFinding } from './lint/lint-finding';
export type {
  Actionlint,
  ActionlintResult,
  LintWorkflowOptions,
  SecurityRule,
} from './lint/lint-workflow';
export type { LintReport, LintWorkflowFilesOptions } from './lint/lint-workflow-files';
