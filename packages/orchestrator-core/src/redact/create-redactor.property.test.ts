import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEscaped } from './_collect-secrets';
import { createRedactor, GITHUB_TOKEN_PATTERN } from './create-redactor';
import { isSecretCandidate } from './is-secret-candidate';

const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

/** A string shaped like one of the GitHub token kinds. */
const githubToken = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'),
      fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 20, maxLength: 60 }),
    )
    .map(([prefix, body]) => prefix + body),
  fc
    .string({ unit: fc.constantFrom(...ALNUM, '_'), minLength: 20, maxLength: 90 })
    .map((body) => `github_pat_${body}`),
);

const secret = fc
  .string({ unit: 'binary', minLength: 8, maxLength: 24 })
  .filter((value) => isSecretCandidate(value));

describe('createRedactor (properties)', () => {
  it('never lets a GitHub-token-shaped string survive, whatever surrounds it', () => {
    const { redact } = createRedactor({ env: {} });
    fc.assert(
      fc.property(fc.string(), githubToken, fc.string(), (before, token, after) => {
        expect(redact(before + token + after)).not.toContain(token);
      }),
    );
  });

  it('returns text without secrets or token shapes unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), secret, (text, value) => {
        const redactor = createRedactor({ env: { MY_API_TOKEN: value }, secrets: [`x${value}`] });
        fc.pre(!text.includes(value) && !text.includes(jsonEscaped(value)));
        fc.pre(!GITHUB_TOKEN_PATTERN.test(text));
        expect(redactor.redact(text)).toBe(text);
      }),
    );
  });

  it('returns JSON values without secrets deep-equal to the input', () => {
    const redactor = createRedactor({ env: {}, secrets: ['\u0000never-in-json-values\u0000'] });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(redactor.redactValue(value)).toEqual(value);
      }),
    );
  });

  it('never leaves a secret in redacted text, even one made of metacharacters and markers', () => {
    const unit = fc.constantFrom('*', 'a', '"', '\\', '\n', '.', '(', '[', '$', 'é');
    fc.assert(
      fc.property(
        fc
          .string({ unit, minLength: 8, maxLength: 12 })
          .filter((value) => isSecretCandidate(value)),
        fc.array(fc.string({ unit, maxLength: 12 }), { maxLength: 4 }),
        (value, pieces) => {
          const { redact } = createRedactor({ env: { DEPLOY_KEY: value } });
          const out = redact(pieces.join(value));
          expect(out).not.toContain(value);
          expect(out).not.toContain(jsonEscaped(value));
        },
      ),
    );
  });

  it('never changes text for env values that cannot be secrets: keywords, numbers, short words', () => {
    const harmless = fc.oneof(
      fc.constantFrom('true', 'false', 'null', 'TRUE', ' false\n'),
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.string({ maxLength: 7 }),
    );
    fc.assert(
      fc.property(fc.string(), harmless, (text, value) => {
        fc.pre(!GITHUB_TOKEN_PATTERN.test(text));
        const { redact } = createRedactor({ env: { DEPLOY_KEY: value } });
        expect(redact(text + value + text)).toBe(text + value + text);
      }),
    );
  });
});
