import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEscaped } from '../redact/_collect-secrets';
import { createRedactor, type Redactor } from '../redact/create-redactor';
import { isSecretCandidate } from '../redact/is-secret-candidate';
import { createLogger, type LogFields, type Logger } from './create-logger';

/** Characters that break naive redaction: JSON escapes, regex metacharacters, non-ASCII. */
const TRICKY = [...'"\\\n\r\t\u0000\u001f\u2028.*+?^$()[]{}|/-', 'é', '😀', '\ud800', '***'];

/** A secret of at least 8 UTF-16 units from a broad alphabet, that can be one when in env. */
const secretArb = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 1 })), {
    minLength: 8,
    maxLength: 24,
  })
  .map((parts) => parts.join(''))
  .filter((secret) => isSecretCandidate(secret));

type Placement = (secret: string, logger: Logger, around: [string, string]) => void;

/** Every place a secret can hide in a log call. */
const PLACEMENTS: Record<string, Placement> = {
  message: (s, log, [a, b]) => log.info(a + s + b),
  fieldValue: (s, log, [a, b]) => log.warn('m', { value: a + s + b }),
  fieldKey: (s, log, [a, b]) => log.info('m', { [a + s + b]: 1 }),
  nested: (s, log, [a, b]) => log.info('m', { deep: [{ list: [1, a + s + b] }] }),
  baseField: (s, log, [a, b]) => log.child({ [a]: a + s + b }).debug('m'),
  errorMessage: (s, log, [a, b]) => log.error('m', { error: new Error(a + s + b) }),
  errorCause: (s, log, [a, b]) =>
    log.error('m', { error: new Error(a, { cause: new RangeError(s + b) }) }),
  errorCode: (s, log, [a, b]) =>
    log.error('m', { error: Object.assign(new Error(a), { code: s + b }) } as LogFields),
};

function linesFor(redactor: Redactor, place: Placement, secret: string, around: [string, string]) {
  const lines: string[] = [];
  const logger = createLogger({
    stream: { write: (chunk: string) => lines.push(chunk) },
    clock: () => new Date('2026-11-20T16:15:00Z'),
    redactor,
    level: 'debug',
  });
  place(secret, logger, around);
  return lines;
}

const placementArb = fc.constantFrom(...Object.keys(PLACEMENTS));
const aroundArb = fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }));

function expectNoLeak(lines: string[], secret: string): void {
  expect(lines).toHaveLength(1);
  const [line = ''] = lines;
  expect(line.endsWith('\n')).toBe(true);
  expect(line.indexOf('\n')).toBe(line.length - 1);
  expect(line).not.toContain(secret);
  expect(line).not.toContain(jsonEscaped(secret));
}

describe('createLogger (properties)', () => {
  it('never writes an explicit secret, wherever it is placed', () => {
    fc.assert(
      fc.property(secretArb, placementArb, aroundArb, (secret, name, around) => {
        const redactor = createRedactor({ env: {}, secrets: [secret] });
        expectNoLeak(linesFor(redactor, PLACEMENTS[name] as Placement, secret, around), secret);
      }),
      { numRuns: 500 },
    );
  });

  it('never writes a secret taken from an env var named like MY_API_TOKEN', () => {
    const nameArb = fc.constantFrom('MY_API_TOKEN', 'db_password', 'Client_Secret', 'SSH_KEY');
    fc.assert(
      fc.property(secretArb, nameArb, placementArb, aroundArb, (secret, envName, name, around) => {
        const redactor = createRedactor({ env: { HOME: '/home/rc', [envName]: secret } });
        expectNoLeak(linesFor(redactor, PLACEMENTS[name] as Placement, secret, around), secret);
      }),
      { numRuns: 500 },
    );
  });

  it('never writes a GitHub-token-shaped string, wherever it is placed', () => {
    const alnum = fc.constantFrom(...'abcXYZ0189');
    const tokenArb = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'),
          fc.string({ unit: alnum, minLength: 20 }),
        )
        .map(([prefix, body]) => prefix + body),
      fc
        .string({ unit: fc.oneof(alnum, fc.constant('_')), minLength: 20 })
        .map((b) => `github_pat_${b}`),
    );
    fc.assert(
      fc.property(tokenArb, placementArb, aroundArb, (token, name, around) => {
        const redactor = createRedactor({ env: {} });
        expectNoLeak(linesFor(redactor, PLACEMENTS[name] as Placement, token, around), token);
      }),
    );
  });

  it('writes valid JSON with the fields unchanged when they hold no secret', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.jsonValue()), (msg, fields) => {
        const redactor = createRedactor({ env: {}, secrets: ['\u0000not-present\u0000'] });
        fc.pre(!/gh[pousr]_|github_pat_/.test(JSON.stringify([msg, fields])));
        const lines = linesFor(redactor, (_s, log) => log.info(msg, fields), '', ['', '']);
        const record = JSON.parse(lines[0] ?? '') as LogFields;
        const withoutHead = (entries: [string, unknown][]) =>
          Object.fromEntries(entries.filter(([key]) => !['ts', 'level', 'msg'].includes(key)));
        expect(lines[0]).toMatch(/^\{"ts":"[^"]+","level":"info","msg":/);
        expect(record['msg']).toBe(msg);
        const rest = withoutHead(Object.entries(record));
        const expected = withoutHead(Object.entries(fields));
        expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
    );
  });
});
