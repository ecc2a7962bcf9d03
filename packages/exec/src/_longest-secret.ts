import { SECRET_NAME_PATTERN } from '@rc/orchestrator-core';

/**
 * For a redactor that does not say how long its longest secret is: the longest text an
 * env-based redactor can mask for `env`, a value of a secret-named variable or its JSON-escaped
 * form. Counting every such value, whatever its length or shape, gives an upper bound however
 * the redactor filters them.
 */
export function longestSecret(env: Readonly<Record<string, string | undefined>>): number {
  let longest = 0;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !SECRET_NAME_PATTERN.test(name)) continue;
    longest = Math.max(longest, value.length, JSON.stringify(value).length - 2);
  }
  return longest;
}
