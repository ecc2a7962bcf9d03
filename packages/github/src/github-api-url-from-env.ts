/** The public GitHub REST API, used when `GITHUB_API_URL` is unset (outside Actions, or github.com). */
export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/**
 * The REST API root rc should talk to: `GITHUB_API_URL` as Actions sets it (GitHub Enterprise
 * Server, GHE.com, or a test server), otherwise `https://api.github.com`.
 */
export function githubApiUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const url = env['GITHUB_API_URL']?.trim();
  return url ? url : DEFAULT_GITHUB_API_URL;
}
