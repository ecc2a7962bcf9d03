import { describe, expect, it } from 'vitest';
import { formatCandidate, parseCandidate, sameCandidate } from './candidate';

describe('parseCandidate', () => {
  it.each([
    ['1.4.0', { version: '1.4.0', digest: null }],
    ['1.4.0@sha256:abcdef12', { version: '1.4.0', digest: 'sha256:abcdef12' }],
  ])('reads %s', (text, expected) => {
    expect(parseCandidate(text)).toEqual({ ok: true, value: expected });
    expect(formatCandidate(expected)).toBe(text);
  });

  it.each(['', '-1', '1.0 beta', '1.0@', '1.0@sha256:zz', '1.0@nohex'])('rejects %j', (text) => {
    expect(parseCandidate(text).ok).toBe(false);
  });
});

describe('sameCandidate', () => {
  const a = { version: '1.0', digest: 'sha256:aaaaaaaa' };
  it.each([
    [a, a, true],
    [a, { version: '1.0', digest: null }, true],
    [a, { version: '1.0', digest: 'sha256:bbbbbbbb' }, false],
    [a, { version: '1.1', digest: 'sha256:aaaaaaaa' }, false],
  ])('compares %j and %j', (x, y, same) => {
    expect(sameCandidate(x, y)).toBe(same);
  });
});
