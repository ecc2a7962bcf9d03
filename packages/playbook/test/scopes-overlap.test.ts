import { describe, expect, it } from 'vitest';
import { isInScope, scopeBase, scopeEntriesOverlap, scopesOverlap } from '../src/scopes-overlap';

describe('scopeEntriesOverlap', () => {
  it.each([
    ['src/ui/', 'src/ui/button.ts', true],
    ['src/ui', 'src/uix', false],
    ['src/ui/**', 'src/api/**', false],
    ['src/**/*.ts', 'src/ui/x.css', true],
    ['**/*.md', 'src/a', true],
    ['.', 'docs/', true],
    ['./docs/', 'docs/guide.md', true],
    ['docs/*.md', 'README.md', false],
    ['packages/a/src/{x,y}.ts', 'packages/a/test/', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(scopeEntriesOverlap(a, b)).toBe(expected);
    expect(scopeEntriesOverlap(b, a)).toBe(expected);
  });

  it('compares whole scopes entry by entry', () => {
    expect(scopesOverlap(['a/', 'b/'], ['c/', 'b/x'])).toBe(true);
    expect(scopesOverlap(['a/', 'b/'], ['c/'])).toBe(false);
  });

  it.each([
    ['src/ui/**/*.ts', 'src/ui'],
    ['docs/', 'docs'],
    ['.', ''],
    ['**', ''],
  ])('the base of %s is %j', (entry, base) => expect(scopeBase(entry)).toBe(base));
});

describe('isInScope', () => {
  it.each([
    ['src/ui/a.ts', ['src/ui/'], true],
    ['src/uix/a.ts', ['src/ui'], false],
    ['src/ui/deep/a.ts', ['src/**/*.ts'], true],
    ['src/ui/a.css', ['src/**/*.ts'], false],
    ['README.md', ['docs/', 'README.md'], true],
    ['.github/x.yml', ['.'], true],
  ])('%s in %j: %s', (file, scope, expected) => expect(isInScope(file, scope)).toBe(expected));
});
