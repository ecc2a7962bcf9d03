import { fail, type Result } from '../result';
import { validate } from '../validation/validate';
import {
  IssueCommentEventSchema,
  WorkflowDispatchEventSchema,
  type IssueCommentEvent,
  type WorkflowDispatchEvent,
} from './github-event-schemas';

/** The GitHub events rc consumes, tagged by name. */
export type GitHubEvent =
  | { name: 'issue_comment'; payload: IssueCommentEvent }
  | { name: 'workflow_dispatch'; payload: WorkflowDispatchEvent };

export type GitHubEventName = GitHubEvent['name'];

/**
 * Validates an event payload. With no name (`GITHUB_EVENT_NAME` unknown), the shape decides:
 * `comment` + `issue` is `issue_comment`, `workflow` + `ref` is `workflow_dispatch`.
 */
export function parseGitHubEvent(payload: unknown, name?: string): Result<GitHubEvent> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return fail('(root): expected a JSON object');
  }
  const eventName = name ?? guessName(payload);
  if (eventName === 'issue_comment') {
    const result = validate(IssueCommentEventSchema, payload);
    return result.ok ? { ok: true, value: { name: eventName, payload: result.value } } : result;
  }
  if (eventName === 'workflow_dispatch') {
    const result = validate(WorkflowDispatchEventSchema, payload);
    return result.ok ? { ok: true, value: { name: eventName, payload: result.value } } : result;
  }
  return fail(
    eventName === undefined
      ? '(root): not an issue_comment or workflow_dispatch event (no comment/issue or workflow/ref fields)'
      : `(root): unsupported event "${eventName}" (supported: issue_comment, workflow_dispatch)`,
  );
}

/** True when the comment was made on a pull request rather than an issue. */
export function isPullRequestComment(event: IssueCommentEvent): boolean {
  return event.issue.pull_request !== undefined;
}

function guessName(payload: object): string | undefined {
  if ('comment' in payload && 'issue' in payload) return 'issue_comment';
  if ('workflow' in payload && 'ref' in payload) return 'workflow_dispatch';
  return undefined;
}
