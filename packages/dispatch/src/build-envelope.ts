import {
  dispatchIdempotencyKey,
  runIdempotencyKey,
  type DispatchEnvelope,
  type DispatchPlan,
} from '@rc/orchestrator-core';
import type { DispatchEvent } from './dispatch-event';
import { sanitizeUntrustedText } from './sanitize-untrusted-text';

/** Input of {@link buildEnvelope}. */
export type BuildEnvelopeInput = DispatchEvent & {
  /** The plan from `planDispatch`. */
  plan: DispatchPlan;
  /** The `X-GitHub-Delivery` header, when the event came through a webhook. @default null */
  deliveryId?: string | null;
};

const COMMENT_ID_INPUT = /^[1-9][0-9]{0,15}$/;

/**
 * Wraps a plan with the identity of its event. The idempotency key is what makes a redelivered
 * or repeated request a duplicate:
 * - `issue_comment`: `dispatchIdempotencyKey(repository, comment.id)`, whatever the run id or
 *   delivery; the author is the commenter.
 * - `workflow_dispatch` with a `comment_id` input (a relayed comment): the same key as that
 *   comment, so the relay and the comment cannot both dispatch.
 * - `workflow_dispatch` without one: comment id 0 and a key over repository + run id
 *   ({@link runIdempotencyKey}), since one key for every manual dispatch would make all but the
 *   first a duplicate; re-running the same run id is the duplicate. The author is the sender.
 */
export function buildEnvelope(input: BuildEnvelopeInput): DispatchEnvelope {
  const { plan } = input;
  const identity = eventIdentity(input);
  return {
    schema_version: 1,
    idempotency_key: identity.key,
    repository: plan.repository,
    issue_number: plan.issue.number,
    comment_id: identity.commentId,
    author: sanitizeUntrustedText(identity.author, { maxLength: 100 }) || 'unknown',
    delivery_id:
      input.deliveryId === undefined || input.deliveryId === null
        ? null
        : sanitizeUntrustedText(input.deliveryId, { maxLength: 100 }),
    plan,
  };
}

function eventIdentity(input: BuildEnvelopeInput): {
  key: string;
  commentId: number;
  author: string;
} {
  const repository = input.plan.repository;
  if (input.eventName === 'issue_comment') {
    const { comment } = input.event;
    return {
      key: dispatchIdempotencyKey(repository, comment.id),
      commentId: comment.id,
      author: comment.user.login,
    };
  }
  const author = input.event.sender?.login ?? 'unknown';
  const relayed = input.event.inputs?.['comment_id'];
  const text = typeof relayed === 'number' ? String(relayed) : relayed;
  if (
    typeof text === 'string' &&
    COMMENT_ID_INPUT.test(text) &&
    Number.isSafeInteger(Number(text))
  ) {
    const commentId = Number(text);
    return { key: dispatchIdempotencyKey(repository, commentId), commentId, author };
  }
  return { key: runIdempotencyKey(repository, input.plan.run_id), commentId: 0, author };
}
