import { describe, expect, it } from 'vitest';
import { splitCommandTemplate } from './split-command-template';

describe('splitCommandTemplate', () => {
  it.each([
    ['a b  c', ['a', 'b', 'c']],
    [`a "b c" 'd e'`, ['a', 'b c', 'd e']],
    [`a "x\\"y" b\\ c ""`, ['a', 'x"y', 'b c', '']],
    ['', []],
    ["'open", null],
  ])('splits %s', (template, words) => {
    expect(splitCommandTemplate(template)).toEqual(words);
  });
});
