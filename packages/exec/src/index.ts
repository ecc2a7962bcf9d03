export {
  AGENT_OUTPUT_FORMATS,
  AGENT_PERMISSIONS,
  AGENT_PRESETS,
  presetBackend,
} from './agent-backend';
export {
  buildAgentInvocation,
  PROMPT_FILE_PLACEHOLDER,
  resolveAgentBackend,
} from './resolve-agent-backend';
export { createAgentOutputReader } from './agent-output';
export { AGENT_FAILURE_KINDS, classifyAgentFailure } from './classify-agent-failure';
export { runAgent } from './run-agent';
export { addUsage, budgetSpent } from './agent-budget';
export { preflightAgent } from './preflight-agent';
export { classifyExit, EXIT_OUTCOMES } from './classify-exit';
export { runCommand } from './run-command';
export { splitCommandTemplate } from './split-command-template';
export { runGit } from './git/run-git';
export { GitError } from './git/git-error';
export { createGitClient, PULL_STRATEGIES } from './git/create-git-client';

export type {
  AgentBackend,
  AgentOutputFormat,
  AgentPermission,
  AgentPreset,
  PromptDelivery,
} from './agent-backend';
export type { AgentInvocation, AgentSpec } from './resolve-agent-backend';
export type { AgentOutputReader, AgentReport, AgentUsage } from './agent-report';
export type { AgentFailure, AgentFailureFacts, AgentFailureKind } from './classify-agent-failure';
export type { AgentRunResult, RunAgentOptions } from './run-agent';
export type { Budget } from './agent-budget';
export type { PreflightOptions, PreflightResult } from './preflight-agent';
export type { ExitFacts, ExitOutcome } from './classify-exit';
export type { CommandResult, RunCommandOptions } from './run-command';
export type { GitOutput, RunGitOptions } from './git/run-git';
export type { GitClient, GitClientOptions, PullStrategy } from './git/create-git-client';
