import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '@rc/orchestrator-core';
import { redactingStream } from './_redacting-stream';

const escaped = (value: string) => JSON.stringify(value).slice(1, -1);
const longest = (secrets: readonly string[]) =>
  Math.max(0, ...secrets.flatMap((secret) => [secret.length, escaped(secret).length]));

/** What the transcript stream writes for `chunks`, as one string. */
async function transcript(
  secrets: readonly string[],
  chunks: readonly (string | Buffer)[],
): Promise<string> {
  const redactor = createRedactor({ env: {}, secrets });
  const stream = redactingStream({ redactor, overlap: longest(secrets) });
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer | string) => out.push(Buffer.from(chunk)));
  const done = new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await done;
  return Buffer.concat(out).toString('utf8');
}

const wholly = (secrets: readonly string[], text: string) =>
  createRedactor({ env: {}, secrets }).redact(text);

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

describe('the transcript redaction stream', () => {
  it('masks a secret that straddles the cut of a line longer than 64 KiB', async () => {
    const secret = 'sekret-value-0123456789';
    // Today's cut of a long line falls 4096 characters before its end: put the secret across it.
    const text = `${'x'.repeat(70_000 - 4096 - 10)}${secret}${'y'.repeat(4096 - 13)}\n`;
    // The line arrives before its newline, as a long line does through a pipe.
    const out = await transcript([secret], [text.slice(0, -1), '\n']);
    expect(out).not.toContain(secret.slice(0, 10));
    expect(out).not.toContain(secret.slice(10));
    expect(out).toBe(wholly([secret], text));
  });

  it('masks a secret longer than 4 KiB inside a line longer than 64 KiB', async () => {
    const secret = `BEGIN${'k'.repeat(5000)}END`;
    const text = `${'x'.repeat(70_000)} ${secret} tail\n`;
    // The first read ends 4500 characters into the secret.
    const out = await transcript([secret], [text.slice(0, 74_501), text.slice(74_501)]);
    expect(out).not.toContain('BEGINk');
    expect(out).toBe(wholly([secret], text));
  });

  it('masks a GitHub token split by the cut of a long line', async () => {
    // Today's cut falls 4096 characters before the end of what arrived: mid-token.
    const text = `${'x'.repeat(70_000)} ${TOKEN} ${'y'.repeat(4096 - 22)}\n`;
    const out = await transcript([], [text.slice(0, -1), '\n']);
    expect(out).not.toMatch(/ghp_[a-z]/);
    expect(out).toBe(wholly([], text));
  });

  it('masks the token printed 50,000 times on one line', async () => {
    const text = `${`${TOKEN} `.repeat(50_000)}\n`;
    const chunks: string[] = [];
    for (let at = 0; at < text.length; at += 65_536) chunks.push(text.slice(at, at + 65_536));
    const out = await transcript([TOKEN], chunks);
    expect(out).not.toContain('ghp_');
    expect(out).toBe(wholly([TOKEN], text));
  });

  it('masks a multi-line secret (a PEM key) that arrives in pieces', async () => {
    const secret = '-----BEGIN KEY-----\nMIIEabc\ndef==\n-----END KEY-----';
    const text = `key:\n${secret}\nok\n`;
    const out = await transcript([secret], [text.slice(0, 12), text.slice(12, 30), text.slice(30)]);
    expect(out).toBe('key:\n***\nok\n');
  });

  it('masks a non-ASCII secret whose bytes are split between two reads', async () => {
    const secret = 'pässwörd-ünïcode';
    const bytes = Buffer.from(`say ${secret} ok\n`);
    const at = bytes.indexOf(Buffer.from('ä')) + 1;
    const out = await transcript([secret], [bytes.subarray(0, at), bytes.subarray(at)]);
    expect(out).toBe('say *** ok\n');
  });
});

const UNIT = fc.constantFrom(
  ...['a', 'b', 'x', 'g', 'h', 'p', '_', '0', '-', ' ', '\n', '"', '\\', 'é', '😀'],
);
const secretArb = fc.string({ unit: UNIT, minLength: 3, maxLength: 12 });
const tokenArb = fc
  .string({ unit: fc.constantFrom(...'abcXYZ019'), minLength: 20, maxLength: 30 })
  .map((body) => `ghp_${body}`);

/** Secrets, and an output built from them, GitHub tokens and filler. */
const caseArb = fc.uniqueArray(secretArb, { maxLength: 3 }).chain((secrets) =>
  fc.record({
    secrets: fc.constant(secrets),
    text: fc
      .array(
        fc.oneof(
          // No literal secret at all leaves only the token shapes, and nothing held back for them.
          ...(secrets.length > 0 ? [fc.constantFrom(...secrets)] : []),
          fc.string({ unit: UNIT, maxLength: 8 }),
          tokenArb.map((token) => ` ${token}\n`),
        ),
        { maxLength: 12 },
      )
      .map((pieces) => pieces.join('')),
  }),
);

describe('the transcript redaction stream (properties)', () => {
  it('writes what redacting the whole output at once gives, split in two at every byte offset', async () => {
    const cases = fc.sample(caseArb, { seed: 1207, numRuns: 150 });
    for (const { secrets, text } of cases) {
      const whole = wholly(secrets, text);
      for (const secret of secrets) expect(whole).not.toContain(secret);
      // The agent's output arrives as bytes: split there, inside a character too.
      const bytes = Buffer.from(text);
      for (let at = 0; at <= bytes.length; at++) {
        const out = await transcript(secrets, [bytes.subarray(0, at), bytes.subarray(at)]);
        expect(out, JSON.stringify({ secrets, text, at })).toBe(whole);
      }
    }
  });

  it('writes the same as redacting the whole output for any split into many chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        caseArb,
        fc.array(fc.nat(), { maxLength: 8 }),
        async ({ secrets, text }, cuts) => {
          const bytes = Buffer.from(text);
          const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...offsets].map((from, index) =>
            bytes.subarray(from, offsets[index] ?? bytes.length),
          );
          expect(await transcript(secrets, chunks)).toBe(wholly(secrets, text));
        },
      ),
      { seed: 1207, numRuns: 300 },
    );
  });
});
