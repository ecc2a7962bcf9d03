import type { GitHubEvent } from '@rc/orchestrator-core';
import type { TargetIssue } from '@rc/dispatch';
import { getIssueLabels } from '@rc/github';
import type { CliIo } from '../cli-io';
import { githubFromEnv } from '../github-from-env';

/**
 * The event carries only the commented issue's labels. When the command targets another issue,
 * ask GitHub for that issue's labels (with a token); without a token return null, and the
 * planner fails closed, saying the labels are unknown.
 */
export async function fetchTargetIssue(
  event: GitHubEvent,
  issueNumber: number,
  io: CliIo,
): Promise<TargetIssue | null> {
  const client = githubFromEnv(io.env);
  if (client === null) return null;
  const { repository } = event.payload;
  return getIssueLabels(client, {
    owner: repository.owner.login,
    repo: repository.name,
    issueNumber,
  });
}
