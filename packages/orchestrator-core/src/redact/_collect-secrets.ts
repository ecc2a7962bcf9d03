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
    // The length floor keeps `KEY=1` from turning every "1" in a log into `***`.
    if (
      value !== undefined &&
      value.length >= sources.minLength &&
      sources.namePattern.test(name)
    ) {
      found.add(value);
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
