import { describe, expect, it } from 'vitest';
import type { GitHubEvent } from '../events/parse-github-event';
import { commandFromEvent } from './command-from-event';

const repository = { full_name: 'octo/rc', name: 'rc', owner: { login: 'octo' } };
const comment = (body: string): GitHubEvent => ({
  name: 'issue_comment',
  payload: {
    action: 'created',
    issue: { number: 41, title: 't', user: { login: 'a' }, labels: [] },
    comment: { id: 1, body, user: { login: 'maintainer' } },
    repository,
  },
});
const dispatch = (inputs: Record<string, unknown> | null): GitHubEvent => ({
  name: 'workflow_dispatch',
  payload: { ref: 'refs/heads/main', workflow: '.github/workflows/x.yml', inputs, repository },
});

describe('commandFromEvent', () => {
  it('defaults an issue comment to the commented issue', () => {
    expect(commandFromEvent(comment('/orchestrate prompt=x'))).toMatchObject({
      ok: true,
      value: { issue_number: 41, issue_source: 'event', prompt: 'x' },
    });
  });

  it('reads a workflow_dispatch command input with its issue input', () => {
    expect(
      commandFromEvent(dispatch({ command: '/orchestrate mode=plan', issue: '9' })),
    ).toMatchObject({
      ok: true,
      value: { issue_number: 9, mode: 'plan' },
    });
    expect(commandFromEvent(dispatch({ command: '/orchestrate #5', issue: 'nine' }))).toMatchObject(
      {
        ok: true,
        value: { issue_number: 5 },
      },
    );
    expect(commandFromEvent(dispatch({ command: '/orchestrate', issue: 'nine' }))).toMatchObject({
      ok: false,
      error: { code: 'missing_issue' },
    });
  });

  it.each([[null], [{}], [{ command: '  ' }], [{ command: 3 }]])(
    'refuses workflow_dispatch inputs %j',
    (inputs) => {
      expect(commandFromEvent(dispatch(inputs))).toMatchObject({
        ok: false,
        error: { code: 'empty' },
      });
    },
  );

  it('passes the command name and static arguments through', () => {
    expect(
      commandFromEvent(comment('/rc'), { command: 'rc', staticArgs: 'wave=w9' }),
    ).toMatchObject({
      ok: true,
      value: { command: 'rc', wave: 'w9' },
    });
  });
});
