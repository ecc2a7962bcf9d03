import { Octokit } from '@octokit/rest';
import {
  createRedactor,
  InvalidInputError,
  redactUrlCredentials,
  type Redactor,
} from '@rc/orchestrator-core';
import { createHttpFetch } from './_http-fetch';
import { DEFAULT_GITHUB_API_URL } from './github-api-url-from-env';

/** How long a GitHub API request may take, from connecting to reading the whole body. */
export const DEFAULT_GITHUB_TIMEOUT_MS = 10_000;

/** Options for `createGitHubClient`. */
export interface GitHubClientOptions {
  /**
   * A token sent as `authorization: token …` (a JWT goes as `bearer …`); never logged, and
   * redacted from every error message. Without one, requests are unauthenticated.
   * @default undefined
   */
  token?: string;
  /**
   * The REST API root. Pass `githubApiUrlFromEnv(env)` so `GITHUB_API_URL` is honoured.
   * A user and password in it (`https://user:pw@ghe.example.com/api/v3`) are dropped: `fetch`
   * refuses such URLs, and `token` is how requests authenticate.
   * @default 'https://api.github.com'
   */
  baseUrl?: string;
  /**
   * Every request is aborted after this many milliseconds, body included. There are no retries.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Prepended to Octokit's own `user-agent` header.
   * @default undefined
   */
  userAgent?: string;
}

/** A configured GitHub REST client: what every `@rc/github` call takes first. */
export interface GitHubClient {
  /** The underlying Octokit; requests made on it directly get the same timeout and silence. */
  readonly octokit: Octokit;
  /** The per-request timeout, in milliseconds, as given to `createGitHubClient`. */
  readonly timeoutMs: number;
  /**
   * Scrubs the token (and any GitHub token shape) from error text. Optional so that hand-made
   * clients work; without it only GitHub token shapes are redacted.
   */
  readonly redactor?: Redactor;
}

const ignore = (): void => undefined;
const silentLog = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** An Octokit client for `baseUrl` with a hard per-request timeout, no retries and no logging. */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const { token, timeoutMs = DEFAULT_GITHUB_TIMEOUT_MS, userAgent } = options;
  const baseUrl = parseBaseUrl(options.baseUrl ?? DEFAULT_GITHUB_API_URL);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidInputError(
      `GitHub API timeout must be a positive number of ms: ${timeoutMs}`,
      {
        issues: ['timeoutMs: must be a positive number'],
      },
    );
  }
  const octokit = new Octokit({
    ...(token ? { auth: token } : {}),
    baseUrl,
    ...(userAgent ? { userAgent } : {}),
    log: silentLog,
    // `request.log` is where Octokit sends deprecation warnings; it defaults to console.
    request: { fetch: createHttpFetch(timeoutMs), log: silentLog },
  });
  const redactor = createRedactor({ env: {}, secrets: token ? [token] : [] });
  return { octokit, timeoutMs, redactor };
}

// The URL without user and password, and without trailing slashes (Octokit appends `/repos/…`).
function parseBaseUrl(raw: string): string {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (url === null || !/^https?:$/.test(url.protocol)) {
    throw new InvalidInputError(`GitHub API URL is not an http(s) URL: ${showUrl(raw, url)}`, {
      issues: ['baseUrl: must be an http or https URL'],
    });
  }
  if (url.username === '' && url.password === '') return raw.replace(/\/+$/, '');
  url.username = '';
  url.password = '';
  return url.href.replace(/\/+$/, '');
}

// What a message may say about a rejected URL: never a credential, even in a malformed one or
// one that only reads as a path (`user:pw@host` parses, with `user:` as its scheme).
function showUrl(raw: string, url: URL | null): string {
  if (url === null) return redactUrlCredentials(raw);
  url.username = '';
  url.password = '';
  return redactUrlCredentials(url.href);
}
