import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isPullRequestComment, parseGitHubEvent } from './parse-github-event';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}
const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as Definition[];
const examplesOf = (name: string) =>
  definitions.find((definition) => definition.name === name)?.examples ?? [];
const issueComments = examplesOf('issue_comment');

describe('parseGitHubEvent', () => {
  it('has issue_comment examples to check', () => {
    expect(issueComments.length).toBeGreaterThanOrEqual(5);
    expect(new Set(issueComments.map((example) => example['action']))).toEqual(
      new Set(['created', 'edited', 'deleted']),
    );
  });

  it.each(issueComments.map((example, index) => [index, example['action'], example] as const))(
    'accepts @octokit/webhooks-examples issue_comment #%i (%s)',
    (_index, action, example) => {
      const result = parseGitHubEvent(example, 'issue_comment');
      expect(result).toMatchObject({
        ok: true,
        value: { name: 'issue_comment', payload: { action } },
      });
      expect(parseGitHubEvent(example)).toMatchObject({
        ok: true,
        value: { name: 'issue_comment' },
      });
    },
  );

  it.each(examplesOf('workflow_dispatch').map((example, index) => [index, example] as const))(
    'accepts @octokit/webhooks-examples workflow_dispatch #%i',
    (_index, example) => {
      expect(parseGitHubEvent(example)).toMatchObject({
        ok: true,
        value: { name: 'workflow_dispatch' },
      });
    },
  );

  it('keeps unknown fields', () => {
    const example = { ...issueComments[0], brand_new_field: { x: 1 } };
    const result = parseGitHubEvent(example, 'issue_comment');
    expect(
      result.ok && (result.value.payload as Record<string, unknown>)['brand_new_field'],
    ).toEqual({ x: 1 });
  });

  it('tells a pull-request comment from an issue comment', () => {
    const example = issueComments[0] as { issue: Record<string, unknown> };
    const onPr = {
      ...example,
      issue: { ...example.issue, pull_request: { url: 'https://example.invalid/pr/1' } },
    };
    const pr = parseGitHubEvent(onPr, 'issue_comment');
    const issue = parseGitHubEvent(example, 'issue_comment');
    expect(
      pr.ok && pr.value.name === 'issue_comment' && isPullRequestComment(pr.value.payload),
    ).toBe(true);
    expect(
      issue.ok && issue.value.name === 'issue_comment' && isPullRequestComment(issue.value.payload),
    ).toBe(false);
  });

  it('names every missing or wrong field by path', () => {
    const example = structuredClone(issueComments[0]) as {
      comment: Record<string, unknown>;
      action?: string;
    };
    delete example.comment['user'];
    example.action = 'pinned';
    const result = parseGitHubEvent(example, 'issue_comment');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^action: /),
          expect.stringMatching(/^comment\.user: /),
        ]),
      );
    }
  });

  it.each([
    [null, undefined, '(root): expected a JSON object'],
    [[1, 2], undefined, '(root): expected a JSON object'],
    [{ hello: 'world' }, undefined, 'not an issue_comment or workflow_dispatch event'],
    [{ action: 'opened' }, 'issues', 'unsupported event "issues"'],
  ])('rejects %j', (payload, name, message) => {
    const result = parseGitHubEvent(payload, name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toContain(message);
  });
});
