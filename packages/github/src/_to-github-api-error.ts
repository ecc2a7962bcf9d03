import { redactUrlCredentials, type Redactor } from '@rc/orchestrator-core';
import { GitHubApiError } from './github-api-error';

// Not an ES module import of node:http: on Node 24 that loads undici (see _http-fetch.ts).
const { STATUS_CODES } = process.getBuiltinModule('node:http');

/** Longest part of GitHub's own error text kept in a message. */
const MAX_DETAIL = 300;

type TextRedactor = Pick<Redactor, 'redact'>;

interface ErrorContext {
  /** `METHOD /path`, as it appears in messages. */
  endpoint: string;
  timeoutMs: number;
  redactor: Redactor;
}

/**
 * Turns whatever Octokit threw into a `GitHubApiError` that carries no headers, no token and no
 * credentials of a URL (fetch names the URL it refused, GitHub may quote one).
 */
export function toGitHubApiError(error: unknown, context: ErrorContext): GitHubApiError {
  const { endpoint, timeoutMs } = context;
  const redactor = {
    redact: (text: string) => redactUrlCredentials(context.redactor.redact(text)),
  };
  const prefix = `GitHub API ${endpoint}`;
  const cause = sanitizeCause(error, redactor);
  if (hasCause(error, 'TimeoutError')) {
    return new GitHubApiError(`${prefix}: timed out after ${timeoutMs} ms`, {
      kind: 'timeout',
      cause,
    });
  }
  const response = isObject(error) && isObject(error['response']) ? error['response'] : null;
  if (response && typeof response['status'] === 'number') {
    const status = response['status'];
    const statusText = STATUS_CODES[status] ?? 'Unknown Status';
    const detail = githubMessage(response['data'], redactor);
    const suffix = detail && detail !== statusText ? ` (${detail})` : '';
    return new GitHubApiError(`${prefix}: ${status} ${statusText}${suffix}`, {
      kind: 'http',
      status,
      cause,
    });
  }
  const reason = redactor.redact(rootMessage(error));
  return new GitHubApiError(`${prefix}: network error: ${reason}`, { kind: 'network', cause });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasCause(error: unknown, name: string): boolean {
  for (let e = error, depth = 0; isObject(e) && depth < 8; e = e['cause'], depth++) {
    if (e['name'] === name) return true;
  }
  return false;
}

// Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is deeper down.
function rootMessage(error: unknown): string {
  let message = 'unknown error';
  for (let e = error, depth = 0; isObject(e) && depth < 8; e = e['cause'], depth++) {
    if (typeof e['message'] === 'string' && e['message'] !== '') message = e['message'];
  }
  return message;
}

function githubMessage(data: unknown, redactor: TextRedactor): string {
  const text = isObject(data) && typeof data['message'] === 'string' ? data['message'] : '';
  const redacted = redactor.redact(text.replace(/\s+/g, ' ').trim());
  return redacted.length > MAX_DETAIL ? `${redacted.slice(0, MAX_DETAIL)}…` : redacted;
}

/**
 * A copy of the error chain keeping only name, message and code: Octokit's RequestError carries
 * the request (headers included) and the response, which must not travel with the error.
 */
function sanitizeCause(error: unknown, redactor: TextRedactor, depth = 0): Error | undefined {
  if (!isObject(error) || depth >= 8) return undefined;
  const message = typeof error['message'] === 'string' ? redactor.redact(error['message']) : '';
  const inner = sanitizeCause(error['cause'], redactor, depth + 1);
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  copy.name = typeof error['name'] === 'string' ? error['name'] : 'Error';
  if (typeof error['code'] === 'string') Object.assign(copy, { code: error['code'] });
  if (typeof error['status'] === 'number') Object.assign(copy, { status: error['status'] });
  delete copy.stack;
  return copy;
}
