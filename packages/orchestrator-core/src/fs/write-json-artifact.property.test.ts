import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonEscaped } from '../redact/_collect-secrets';
import { createRedactor, GITHUB_TOKEN_PATTERN } from '../redact/create-redactor';
import { isSecretCandidate } from '../redact/is-secret-candidate';
import { writeJsonArtifact } from './write-json-artifact';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-json-prop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const githubToken = fc
  .tuple(
    fc.constantFrom('ghp_', 'gho_', 'ghs_', 'github_pat_'),
    fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 20, maxLength: 40 }),
  )
  .map(([prefix, body]) => prefix + body);

// Values people really put in variables named like secrets: words, flags, numbers, real secrets.
const envValue = fc.oneof(
  fc.constantFrom('github', 'false', 'true', 'null', 'local', '0', '42', '-1.5e3', 'dispatched'),
  fc.constantFrom('"trigger":"github"', '": "', '\n  ', 'a"b\\c\nd', '********', '***'),
  fc.integer().map(String),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
  githubToken,
);
const envName = fc.constantFrom('DEPLOY_KEY', 'USE_SSH_KEY', 'API_TOKEN', 'DB_PASSWORD', 'HOME');
const env = fc.dictionary(envName, envValue, { maxKeys: 4 });

// JSON whose strings (keys too) embed the env values, the way a comment can quote a secret.
function jsonWith(values: readonly string[]) {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc
      .tuple(
        fc.string({ maxLength: 4 }),
        fc.constantFrom(...values, 'x'),
        fc.string({ maxLength: 4 }),
      )
      .map((parts) => parts.join('')),
    githubToken,
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(true, false, null),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      text,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  }));
  return value;
}

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)])
        : [];

describe('writeJsonArtifact (properties)', () => {
  it('writes valid JSON holding no secret, for any JSON value and any environment', async () => {
    await fc.assert(
      fc.asyncProperty(
        env.chain((vars) => fc.tuple(fc.constant(vars), jsonWith(Object.values(vars)))),
        async ([vars, value]) => {
          const written = await writeJsonArtifact(
            join(dir, 'artifact.json'),
            value,
            createRedactor({ env: vars }),
          );
          const parsed = JSON.parse(written) as unknown;
          const secrets = Object.entries(vars)
            .filter(([name, secret]) => name !== 'HOME' && isSecretCandidate(secret))
            .map(([, secret]) => secret);
          for (const secret of secrets) {
            expect(written).not.toContain(secret);
            expect(written).not.toContain(jsonEscaped(secret));
          }
          for (const text of strings(parsed)) expect(text).not.toMatch(GITHUB_TOKEN_PATTERN);
        },
      ),
      { seed: 1212, numRuns: 300 },
    );
  });
});
