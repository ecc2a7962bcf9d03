import { collectSecrets } from './_collect-secrets';
import { MIN_SECRET_LENGTH } from './is-secret-candidate';
import { maskSecrets } from './_mask-secrets';
import { redactValue } from './_redact-value';

/** What every secret is replaced with. */
export const REDACTED = '***';

/** Environment variable names whose values are secrets (matched anywhere in the name). */
export const SECRET_NAME_PATTERN = /TOKEN|SECRET|PASSWORD|KEY/i;

/**
 * GitHub token shapes, redacted wherever they appear whether or not they came from the
 * environment. The body takes `_` too: otherwise two tokens printed back to back end the first
 * match at the second's `_` and leave its body in clear. Not global, so `test` on it keeps no
 * `lastIndex` state between calls.
 */
export const GITHUB_TOKEN_PATTERN = /gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{20,}/;

/** Options for `createRedactor`. */
export interface RedactorOptions {
  /**
   * Variables whose names match `SECRET_NAME_PATTERN` have their values treated as secrets.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Further literal secrets, redacted whatever their length (the empty string is ignored).
   * @default []
   */
  secrets?: readonly string[];
  /**
   * Environment values shorter than this (once trimmed) are not treated as secrets, so that a
   * word such as `DEPLOY_KEY=github` does not blank out every `github` in the output. JSON
   * keywords (`true`, `false`, `null`) and numbers never count, whatever their length. Does not
   * apply to `secrets` or to GitHub token shapes.
   * @default MIN_SECRET_LENGTH (8)
   */
  minLength?: number;
}

/** Removes secrets from text and from structured values before they are written anywhere. */
export interface Redactor {
  /** `text` with every secret, its JSON-escaped form and every GitHub token replaced by `***`. */
  redact(text: string): string;
  /**
   * A deep copy of `value` with every string (object keys too) redacted: what structured
   * artifacts go through before they are serialised, so they stay valid JSON. Errors become
   * `{ name, message, code?, cause? }` without the stack, `toJSON` is applied, cycles become
   * `'[Circular]'`; numbers, booleans, null and undefined are returned as they are.
   */
  redactValue<T>(value: T): T;
  /** How many literal strings are redacted (each secret and its JSON-escaped form count once). */
  readonly secretCount: number;
  /**
   * The length of the longest literal string `redact` masks (0 when none): how much a stream
   * must hold back so that a secret split between two reads is still masked whole.
   */
  readonly longestSecret: number;
}

/** A redactor for the secrets found in `env` and `secrets`, plus GitHub token shapes. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const { env = process.env, secrets = [], minLength = MIN_SECRET_LENGTH } = options;
  const literals = collectSecrets({ env, namePattern: SECRET_NAME_PATTERN, secrets, minLength });
  const tokens = new RegExp(GITHUB_TOKEN_PATTERN.source, 'g');
  const redact = (text: string): string => maskSecrets(text, literals, tokens, REDACTED);
  return {
    redact,
    // The shape changes for Errors and toJSON, but matches what JSON.stringify would write.
    redactValue: <T>(value: T): T => redactValue(value, redact) as T,
    secretCount: literals.length,
    // collectSecrets sorts longest first.
    longestSecret: literals[0]?.length ?? 0,
  };
}
