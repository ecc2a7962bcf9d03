import { isSecretCandidate } from './is-secret-candidate';

/** What `collectSecrets` reads: the environment, explicit secrets and the env length floor. */
export interface SecretSources {
  env: Readonly<Record<string, string | undefined>>;
  namePattern: RegExp;
  secrets: readonly string[];
  minLength: number;
}

/**
 * Every literal string to redact: env values whose names look secret, explicit secrets, and the
 * JSON-escaped form of each, longest first, without duplicates.
 */
export function collectSecrets(sources: SecretSources): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(sources.env)) {
    // `DEPLOY_KEY=github` must not turn every "github" into `***`: only values that can be
    // secrets count (long enough, not a JSON keyword, not a number).
    if (
      value !== undefined &&
      sources.namePattern.test(name) &&
      isSecretCandidate(value, sources.minLength)
    ) {
      found.add(value);
      // A value read from a file often ends in a newline the secret itself does not carry.
      found.add(value.trim());
    }
  }
  for (const secret of sources.secrets) {
    // An empty secret would match between every character; nothing else is too short if asked for.
    if (secret.length > 0) found.add(secret);
  }
  for (const secret of [...found]) {
    // A secret with quotes, backslashes or control characters reads differently once serialised.
    found.add(jsonEscaped(secret));
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** The secret as `JSON.stringify` writes it inside a string literal, without the quotes. */
export function jsonEscaped(secret: string): string {
  return JSON.stringify(secret).slice(1, -1);
}
