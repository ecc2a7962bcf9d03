import { InvalidInputError } from '@rc/orchestrator-core';
import { requestGitHub } from './_request-github';
import { requireText } from './_require-text';
import type { GitHubClient } from './create-github-client';

/** The reactions GitHub allows on an issue comment. */
export const REACTION_CONTENTS = [
  '+1',
  '-1',
  'laugh',
  'confused',
  'heart',
  'hooray',
  'rocket',
  'eyes',
] as const;

/** One of `REACTION_CONTENTS`. */
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

/** Arguments of `addReaction`. */
export interface AddReactionOptions {
  /** Repository owner. */
  owner: string;
  /** Repository name. */
  repo: string;
  /** The issue comment's numeric id (`comment.id` in the `issue_comment` event). */
  commentId: number;
  /** The reaction. */
  content: ReactionContent;
}

/**
 * Reacts to an issue comment, e.g. `eyes` to acknowledge a slash command. Adding a reaction
 * that is already there succeeds. Throws `InvalidInputError` before sending for a bad id or
 * content, `GitHubApiError` when GitHub refuses.
 */
export async function addReaction(
  client: GitHubClient,
  options: AddReactionOptions,
): Promise<void> {
  const { owner, repo, commentId, content } = options;
  requireText('addReaction', { owner, repo });
  const issues: string[] = [];
  if (!Number.isSafeInteger(commentId) || commentId <= 0) {
    issues.push('commentId: must be a positive integer');
  }
  if (!(REACTION_CONTENTS as readonly unknown[]).includes(content)) {
    issues.push(`content: must be one of ${REACTION_CONTENTS.join(', ')}`);
  }
  if (issues.length > 0) throw new InvalidInputError('addReaction: invalid arguments', { issues });
  await requestGitHub(client, 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
    owner,
    repo,
    comment_id: commentId,
    content,
  });
}
