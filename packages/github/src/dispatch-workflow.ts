import { InvalidInputError } from '@rc/orchestrator-core';
import { requestGitHub } from './_request-github';
import { requireText } from './_require-text';
import type { GitHubClient } from './create-github-client';

/** The most inputs GitHub accepts in one `workflow_dispatch`. */
export const MAX_WORKFLOW_DISPATCH_INPUTS = 10;

/** Arguments of `dispatchWorkflow`. */
export interface DispatchWorkflowOptions {
  /** Repository owner. */
  owner: string;
  /** Repository name. */
  repo: string;
  /** The workflow's file name (`orchestrator-runner.yml`) or numeric id as a string. */
  workflowFile: string;
  /** The branch or tag the workflow runs on. */
  ref: string;
  /** The workflow's `workflow_dispatch` inputs, at most `MAX_WORKFLOW_DISPATCH_INPUTS`. */
  inputs: Record<string, string>;
}

/**
 * Triggers a `workflow_dispatch` run. Inputs are checked first (`InvalidInputError`, nothing
 * sent); GitHub's failures, such as 422 for an unknown input, throw `GitHubApiError`. GitHub
 * answers 204 No Content; any 2xx means the run was accepted, so it is never treated as a
 * failure that a caller might retry into a second run.
 */
export async function dispatchWorkflow(
  client: GitHubClient,
  options: DispatchWorkflowOptions,
): Promise<void> {
  const { owner, repo, workflowFile, ref, inputs } = options;
  requireText('dispatchWorkflow', { owner, repo, workflowFile, ref });
  validateInputs(inputs);
  await requestGitHub(
    client,
    'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    { owner, repo, workflow_id: workflowFile, ref, inputs },
  );
}

function validateInputs(inputs: unknown): void {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    throw new InvalidInputError('dispatchWorkflow: invalid arguments', {
      issues: ['inputs: must be an object of strings'],
    });
  }
  const entries = Object.entries(inputs);
  if (entries.length > MAX_WORKFLOW_DISPATCH_INPUTS) {
    throw new InvalidInputError(
      `dispatchWorkflow: ${entries.length} inputs given, GitHub accepts at most ${MAX_WORKFLOW_DISPATCH_INPUTS}`,
      { issues: [`inputs: at most ${MAX_WORKFLOW_DISPATCH_INPUTS} inputs are allowed`] },
    );
  }
  const issues = entries
    .filter(([, value]) => typeof value !== 'string')
    .map(([name]) => `inputs.${name}: must be a string`);
  if (issues.length > 0) {
    throw new InvalidInputError('dispatchWorkflow: invalid arguments', { issues });
  }
}
