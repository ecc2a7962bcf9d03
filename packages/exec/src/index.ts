export { AGENT_BACKENDS, AGENT_PRESETS } from './agent-backend';
export {
  buildAgentInvocation,
  PROMPT_FILE_PLACEHOLDER,
  resolveAgentBackend,
} from './resolve-agent-backend';
export { classifyExit, EXIT_OUTCOMES } from './classify-exit';
export { runCommand } from './run-command';
export { runGit } from './git/run-git';
export { GitError } from './git/git-error';
export { createGitClient, PULL_STRATEGIES } from './git/create-git-client';

export type { AgentBackend, AgentPreset, PromptDelivery } from './agent-backend';
export type { AgentInvocation, AgentSpec } from './resolve-agent-backend';
export type { ExitFacts, ExitOutcome } from './classify-exit';
export type { CommandResult, RunCommandOptions } from './run-command';
export type { GitOutput, RunGitOptions } from './git/run-git';
export type { GitClient, GitClientOptions, PullStrategy } from './git/create-git-client';
