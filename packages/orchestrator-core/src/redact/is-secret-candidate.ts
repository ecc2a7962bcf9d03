/**
 * The shortest environment value treated as a secret. Eight is the floor NIST SP 800-63B sets
 * for a memorised secret, and every provider token is far longer (GitHub 40, AWS 40); below it
 * the values of variables named like secrets are flags and words (`github`, `true`, `main`,
 * `enabled`), and blanking those everywhere corrupts output without protecting anything.
 */
export const MIN_SECRET_LENGTH = 8;

const JSON_KEYWORDS = new Set(['true', 'false', 'null']);
// A decimal number as JSON (or a person) writes it: 42, -1.5, 4096e3, .5, +7.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether an environment value can be a secret: at least `minLength` characters once trimmed,
 * not a JSON keyword and not a number. Explicit secrets and GitHub token shapes do not go through
 * this filter; they are always redacted.
 */
export function isSecretCandidate(value: string, minLength = MIN_SECRET_LENGTH): boolean {
  const trimmed = value.trim();
  return (
    trimmed.length >= minLength &&
    !JSON_KEYWORDS.has(trimmed.toLowerCase()) &&
    !NUMBER.test(trimmed)
  );
}
