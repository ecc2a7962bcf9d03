import { describe, expect, it } from 'vitest';
import { issueCommentEvent, workflowDispatchEvent } from '../test/fixtures/events';
import { toDispatchEvent } from './dispatch-event';

describe('toDispatchEvent', () => {
  it('retags core parsed events for the planner', () => {
    const comment = issueCommentEvent();
    const dispatch = workflowDispatchEvent({});
    expect(toDispatchEvent({ name: 'issue_comment', payload: comment })).toEqual({
      eventName: 'issue_comment',
      event: comment,
    });
    expect(toDispatchEvent({ name: 'workflow_dispatch', payload: dispatch })).toEqual({
      eventName: 'workflow_dispatch',
      event: dispatch,
    });
  });
});
