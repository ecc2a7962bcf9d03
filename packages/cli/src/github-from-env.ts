import { createGitHubClient, githubApiUrlFromEnv, type GitHubClient } from '@rc/github';
import type { CliIo } from './cli-io';

/** The token rc uses: ORCHESTRATOR_BOT_TOKEN, else GITHUB_TOKEN, else none. */
function tokenFromEnv(env: CliIo['env']): string | undefined {
  const token = env['ORCHESTRATOR_BOT_TOKEN'] || env['GITHUB_TOKEN'];
  return token === undefined || token === '' ? undefined : token;
}

/**
 * A GitHub client for GITHUB_API_URL with the token from the environment, or null without one.
 * Each call is bounded by `timeoutMs`, else RC_GITHUB_TIMEOUT_MS, else the client's default.
 */
export function githubFromEnv(
  env: CliIo['env'],
  timeoutMs: number | undefined = Number(env['RC_GITHUB_TIMEOUT_MS'] ?? '') || undefined,
): GitHubClient | null {
  const token = tokenFromEnv(env);
  if (token === undefined) return null;
  return createGitHubClient({
    token,
    baseUrl: githubApiUrlFromEnv(env),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}
