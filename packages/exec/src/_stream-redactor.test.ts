import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '@rc/orchestrator-core';
import { StreamRedactor } from './_stream-redactor';

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

function streamed(redactor: StreamRedactor, pieces: readonly string[]): string {
  return pieces.map((piece) => redactor.push(piece)).join('') + redactor.end();
}

describe('StreamRedactor', () => {
  it('holds a trailing word run back until a non-word character shows the token is whole', () => {
    const stream = new StreamRedactor({ redactor: createRedactor({ env: {} }), overlap: 0 });
    expect(stream.push('token: ghp_abcdefghij')).toBe('token:');
    expect(stream.push('klmnopqrstuvwxyz')).toBe('');
    expect(stream.push('0123456789 and more')).toBe(' *** and');
    expect(stream.end()).toBe(' more');
  });

  it('writes a whole line at once when no secret can begin in it', () => {
    const stream = new StreamRedactor({ redactor: createRedactor({ env: {} }), overlap: 0 });
    expect(stream.push('start 1 galph\n')).toBe('start 1 galph\n');
  });

  it('holds back the last `overlap` characters, where a secret may begin', () => {
    const stream = new StreamRedactor({
      redactor: createRedactor({ env: {}, secrets: ['s3-cr3t!'] }),
      overlap: 8,
    });
    const first = stream.push('a line; then s3-c');
    expect(first).toBe('a line; t');
    const rest = stream.push('r3t! done.') + stream.end();
    expect(first + rest).toBe('a line; then *** done.');
  });

  it('masks a word run longer than the window whole, in bounded memory', () => {
    const stream = new StreamRedactor({
      redactor: createRedactor({ env: {}, secrets: [TOKEN] }),
      overlap: TOKEN.length,
      window: 1024,
    });
    const pieces = ['before ', ...Array.from({ length: 2000 }, () => TOKEN.repeat(20)), '\nafter'];
    let out = '';
    let held = 0;
    for (const piece of pieces) {
      out += stream.push(piece);
      held = Math.max(held, stream.held);
    }
    out += stream.end();
    expect(out).toBe('before ***\nafter');
    expect(held).toBeLessThanOrEqual(1024 + 2 * TOKEN.length);
  });

  it('masks an unbroken run of overlapping secrets longer than the window', () => {
    const secrets = ['%QWZ', 'WZ%Q'];
    const stream = new StreamRedactor({
      redactor: createRedactor({ env: {}, secrets }),
      overlap: 4,
      window: 32,
    });
    const out = streamed(stream, ['ok: ', ...Array.from({ length: 200 }, () => '%QWZ%Q'), ' end']);
    expect(out).not.toMatch(/[%QWZ]/);
    expect(out.startsWith('ok: ***')).toBe(true);
    expect(out.endsWith('*** end')).toBe(true);
  });

  it('returns an empty string for an empty output', () => {
    const stream = new StreamRedactor({ redactor: createRedactor({ env: {} }), overlap: 3 });
    expect(stream.push('')).toBe('');
    expect(stream.end()).toBe('');
  });
});

// Secrets and token bodies are made of characters the filler never uses: any of them in the
// output is a leak.
const SECRET_UNIT = fc.constantFrom('%', 'Q', 'W', 'Z', '\n');
const FILLER_UNIT = fc.constantFrom('a', 'b', '_', '0', '-', ' ', '\n', '"', 'é', '😀');
const tokenArb = fc
  .string({ unit: fc.constantFrom('X', 'Y', 'V'), minLength: 20, maxLength: 40 })
  .map((body) => ` ghp_${body} `);

describe('StreamRedactor (properties)', () => {
  it('never writes a character of a secret or token and holds a bounded amount, however small the window', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: SECRET_UNIT, minLength: 2, maxLength: 8 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.oneof(fc.nat(2), fc.string({ unit: FILLER_UNIT, maxLength: 10 }), tokenArb), {
          maxLength: 40,
        }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 24 }),
        (secrets, parts, sizes, window) => {
          const text = parts
            .map((part) => (typeof part === 'number' ? (secrets[part] ?? '') : part))
            .join('');
          const pieces: string[] = [];
          for (let at = 0, index = 0; at < text.length; index++) {
            const size = sizes[index % sizes.length] ?? 1;
            pieces.push(text.slice(at, at + size));
            at += size;
          }
          const overlap = Math.max(...secrets.map((secret) => JSON.stringify(secret).length - 2));
          const stream = new StreamRedactor({
            redactor: createRedactor({ env: {}, secrets }),
            overlap,
            window,
          });
          let out = '';
          for (const piece of pieces) {
            out += stream.push(piece);
            expect(stream.held).toBeLessThanOrEqual(window + 2 * overlap);
          }
          out += stream.end();
          expect(out.replace(/\n/g, '')).not.toMatch(/[%QWZXYV]/);
        },
      ),
      { seed: 1207, numRuns: 2000 },
    );
  });
});
