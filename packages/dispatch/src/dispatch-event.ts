import type { GitHubEvent, IssueCommentEvent, WorkflowDispatchEvent } from '@rc/orchestrator-core';

/** A validated event as the planner and the envelope builder take it, tagged by `eventName`. */
export type DispatchEvent =
  | { eventName: 'issue_comment'; event: IssueCommentEvent }
  | { eventName: 'workflow_dispatch'; event: WorkflowDispatchEvent };

/** Converts core's parsed `{ name, payload }` event into the planner's `{ eventName, event }`. */
export function toDispatchEvent(parsed: GitHubEvent): DispatchEvent {
  return parsed.name === 'issue_comment'
    ? { eventName: 'issue_comment', event: parsed.payload }
    : { eventName: 'workflow_dispatch', event: parsed.payload };
}
