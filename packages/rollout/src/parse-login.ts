import { fail, ok, type Result } from '@rc/orchestrator-core';
import { normalizeLogin } from './normalize-login';

// GitHub logins: letters, digits and hyphens, starting with a letter or digit, at most 39
// characters; apps act as `name[bot]`.
const LOGIN = /^[a-z0-9][a-z0-9-]{0,38}(\[bot\])?$/;

/**
 * Reads a login given on the command line or in the environment: normalised
 * ({@link normalizeLogin}), and refused when blank or not shaped like a GitHub login, so that
 * `""`, `" "` or a look-alike cannot stand for a person. `what` names the source in the issue.
 */
export function parseLogin(text: string, what: string): Result<string> {
  const login = normalizeLogin(text);
  if (login === '') return fail(`${what}: an empty login names nobody`);
  if (!LOGIN.test(login)) {
    return fail(`${what}: ${JSON.stringify(text)} is not a GitHub login (letters, digits, -)`);
  }
  return ok(login);
}
