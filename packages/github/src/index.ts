export { createGitHubClient, DEFAULT_GITHUB_TIMEOUT_MS } from './create-github-client';
export { DEFAULT_GITHUB_API_URL, githubApiUrlFromEnv } from './github-api-url-from-env';
export { GitHubApiError } from './github-api-error';
export { getCollaboratorRole } from './get-collaborator-role';
export { getTeamMembershipState } from './get-team-membership-state';
export { dispatchWorkflow, MAX_WORKFLOW_DISPATCH_INPUTS } from './dispatch-workflow';
export { getIssueLabels } from './get-issue-labels';
export { addReaction, REACTION_CONTENTS } from './add-reaction';
export { createActionsIo } from './create-actions-io';
export { formatWorkflowCommand } from './format-workflow-command';

export type { GitHubClient, GitHubClientOptions } from './create-github-client';
export type { GitHubApiErrorKind, GitHubApiErrorOptions } from './github-api-error';
export type { GetCollaboratorRoleOptions } from './get-collaborator-role';
export type {
  GetTeamMembershipStateOptions,
  TeamMembershipState,
} from './get-team-membership-state';
export type { DispatchWorkflowOptions } from './dispatch-workflow';
export type { AddReactionOptions, ReactionContent } from './add-reaction';
export type { ActionsIo, ActionsIoOptions, CommandStream } from './create-actions-io';
export type { GetIssueLabelsOptions } from './get-issue-labels';
