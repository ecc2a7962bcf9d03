import { createRequire } from 'node:module';
import { parseGitHubEvent } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { commentEvent } from './_comment-event';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}
const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as Definition[];
const created = definitions
  .find((definition) => definition.name === 'issue_comment')
  ?.examples.find((example) => example['action'] === 'created');

/** Every key path of a JSON value (array items collapsed to `[]`), with the type found there. */
function shape(value: unknown, path = '$', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    out.set(path, 'array');
    for (const item of value) shape(item, `${path}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    out.set(path, 'object');
    for (const [key, item] of Object.entries(value)) shape(item, `${path}.${key}`, out);
  } else {
    out.set(path, value === null ? 'null' : typeof value);
  }
  return out;
}

const event = commentEvent({
  body: '/orchestrate #12 prompt=triage\n\nPlease look.',
  author: 'alice',
  issue: 12,
  labels: ['wave:wave2', 'bug'],
  repository: 'octo-org/octo-repo',
  at: new Date('2026-11-20T16:15:00.000Z'),
});

describe('commentEvent', () => {
  it('is an issue_comment event rc accepts', () => {
    expect(parseGitHubEvent(event, 'issue_comment')).toMatchObject({
      ok: true,
      value: { name: 'issue_comment', payload: { action: 'created' } },
    });
  });

  it('has only keys, at the same paths and of the same types, that GitHub sends (@octokit/webhooks-examples)', () => {
    expect(created).toBeDefined();
    const real = shape(created);
    const mismatches = [...shape(event)].filter(
      ([path, type]) => real.get(path) !== type && !(type === 'null' || real.get(path) === 'null'),
    );
    expect(mismatches).toEqual([]);
  });

  it('carries the comment, its author, the issue and its labels', () => {
    expect(event).toMatchObject({
      comment: { body: '/orchestrate #12 prompt=triage\n\nPlease look.', user: { login: 'alice' } },
      issue: { number: 12, labels: [{ name: 'wave:wave2' }, { name: 'bug' }] },
      repository: { full_name: 'octo-org/octo-repo', owner: { login: 'octo-org' } },
      sender: { login: 'alice' },
    });
  });
});
