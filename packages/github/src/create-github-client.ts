import { Octokit } from '@octokit/rest';
import { createRedactor, InvalidInputError, type Redactor } from '@rc/orchestrator-core';
import { createTimeoutFetch } from './_timeout-fetch';
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
  const baseUrl = (options.baseUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new InvalidInputError(`GitHub API URL is not an http(s) URL: ${baseUrl}`, {
      issues: ['baseUrl: must be an http or https URL'],
    });
  }
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
    request: { fetch: createTimeoutFetch(timeoutMs), log: silentLog },
  });
  const redactor = createRedactor({ env: {}, secrets: token ? [token] : [] });
  return { octokit, timeoutMs, redactor };
}
