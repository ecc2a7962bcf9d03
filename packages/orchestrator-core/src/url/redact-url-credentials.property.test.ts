import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactUrlCredentials } from './redact-url-credentials';

// Marked so that a credential can never be confused with the text around it. A raw space is
// only generated in passwords: a user name with one (`http://us er:pw@h`) reads as a host.
const marked = (chars: string) =>
  fc.string({ unit: fc.constantFrom(...chars), maxLength: 16 }).map((body) => `CRED${body}END`);
const user = marked("abcXYZ019-._~!$&'()*+,;=%:@/?#[]");
const password = marked("abcXYZ019-._~!$&'()*+,;=%:@/?#[] ");
const host = fc.constantFrom('127.0.0.1:8080', 'ghe.example.com', '[::1]:3000', 'h');
const scheme = fc.constantFrom('http://', 'https://', 'HTTP://', 'ssh://', 'git+https://', '//');
const filler = fc.string({ unit: fc.constantFrom(...'ab :;,()\n\t'), maxLength: 12 });

describe('redactUrlCredentials (properties)', () => {
  it('never lets a percent-encoded user or password through, whatever surrounds the URL', () => {
    fc.assert(
      fc.property(filler, scheme, user, password, host, filler, (a, s, u, p, h, b) => {
        const url = `${s}${encodeURIComponent(u)}:${encodeURIComponent(p)}@${h}/x`;
        const out = redactUrlCredentials(`${a}${url}${b}`);
        expect(out).not.toContain('CRED');
        expect(out).toContain(`${s}${h}/x`);
      }),
      { seed: 1203, numRuns: 500 },
    );
  });

  it('agrees with WHATWG URL parsing: what it accepts comes out with no user and no password', () => {
    fc.assert(
      fc.property(user, password, host, (u, p, h) => {
        const raw = `http://${u}:${p}@${h}/x`;
        fc.pre(URL.canParse(raw));
        const out = redactUrlCredentials(raw);
        if (URL.canParse(out)) expect(new URL(out)).toMatchObject({ username: '', password: '' });
        // A serialised URL loses exactly its credentials, as clearing them with the URL API does
        // (unless its path or query holds a `//`, which is read as a nested URL, on purpose).
        const parsed = new URL(raw);
        fc.pre(!`${parsed.pathname}${parsed.search}${parsed.hash}`.includes('//'));
        const href = parsed.href;
        parsed.username = '';
        parsed.password = '';
        expect(redactUrlCredentials(href)).toBe(parsed.href);
      }),
      { seed: 1204, numRuns: 500 },
    );
  });

  it('is idempotent and only ever removes text', () => {
    const urlish = fc.string({ unit: fc.constantFrom(...'ah:/@\\ ?#[]1."\n'), maxLength: 40 });
    fc.assert(
      fc.property(urlish, (text) => {
        const once = redactUrlCredentials(text);
        expect(redactUrlCredentials(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(text.length);
      }),
      { seed: 1206, numRuns: 2000 },
    );
  });

  it('leaves text without an @ unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        fc.pre(!text.includes('@'));
        expect(redactUrlCredentials(text)).toBe(text);
      }),
      { seed: 1205, numRuns: 300 },
    );
  });
});
