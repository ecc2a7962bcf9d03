import { createRequire } from 'node:module';
import { parseGitHubEvent, type GitHubEvent } from '@rc/orchestrator-core';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}
type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as Definition[];
const examples = definitions.find((definition) => definition.name === 'issue_comment')?.examples;

/** Edits applied to a real `@octokit/webhooks-examples` issue_comment payload. */
export interface CommentEdits {
  action?: 'created' | 'edited' | 'deleted';
  body?: string;
  login?: string;
  userType?: string;
  labels?: string[];
  number?: number;
  pullRequest?: boolean;
  owner?: string;
  sender?: { login: string; type?: string };
  authorAssociation?: string;
}

/** The raw payload: the first example with the action, edited as asked. */
function issueCommentPayload(edits: CommentEdits = {}): Json {
  const action = edits.action ?? 'created';
  const example = examples?.find((candidate) => candidate['action'] === action);
  if (example === undefined) throw new Error(`no issue_comment ${action} example`);
  const payload = structuredClone(example) as Json & {
    issue: Json;
    comment: Json;
    repository: Json;
  };
  const user = payload.comment['user'] as Json;
  payload.comment['body'] = edits.body ?? '/orchestrate #1 prompt=triage';
  if (edits.login !== undefined) user['login'] = edits.login;
  if (edits.userType !== undefined) user['type'] = edits.userType;
  if (edits.authorAssociation !== undefined) {
    payload.comment['author_association'] = edits.authorAssociation;
  }
  const labels = edits.labels ?? ['wave:wave2'];
  payload.issue['labels'] = labels.map((name, id) => ({ id, name, color: 'ffffff' }));
  if (edits.number !== undefined) payload.issue['number'] = edits.number;
  if (edits.pullRequest === true) {
    payload.issue['pull_request'] = { url: 'https://api.github.com/repos/x/y/pulls/1' };
  } else delete payload.issue['pull_request'];
  if (edits.owner !== undefined) {
    (payload.repository['owner'] as Json)['login'] = edits.owner;
    payload.repository['full_name'] = `${edits.owner}/${String(payload.repository['name'])}`;
  }
  if (edits.sender !== undefined) payload['sender'] = edits.sender;
  return payload;
}

/** A validated issue_comment event built from a real example. */
export function issueComment(edits: CommentEdits = {}): GitHubEvent {
  const parsed = parseGitHubEvent(issueCommentPayload(edits), 'issue_comment');
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.value;
}

/** A validated workflow_dispatch event from a real example. */
export function workflowDispatch(): GitHubEvent {
  const example = definitions.find((d) => d.name === 'workflow_dispatch')?.examples[0];
  const parsed = parseGitHubEvent(example, 'workflow_dispatch');
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.value;
}
