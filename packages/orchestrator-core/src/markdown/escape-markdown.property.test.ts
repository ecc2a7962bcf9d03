import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './escape-markdown';
import { markdownCodeSpan } from './markdown-code-span';

// The oracle: a CommonMark renderer with GitHub's extras (tables, strikethrough, raw HTML,
// bare links), so that anything GitHub would turn into markup shows up as a token here.
const md = new MarkdownIt('default', { html: true, linkify: true });
const parse = (markdown: string) => md.parse(markdown, {});

// Everything Markdown gives meaning to, so generated strings hit the syntax often.
const SYNTAX = [
  ...'#|<>`*_[]!\\-+.)(~&:$=^"\'{}@/%;,?',
  '1.',
  '2)',
  '10)',
  'a_b',
  '_x_',
  '__',
  '- ',
  '+ ',
  '= ',
  '> ',
  '* ',
  '#### ',
  '<!--',
  '-->',
  '```',
  '    ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\u00a0',
  '\u2028',
  'http://x.co',
  'www.x.co',
  'a@b.co',
  ':tada:',
  '&amp;',
  '&#35;',
  '<b>',
  '</div>',
  '[a](b)',
  '![i](u)',
  '---',
  '===',
  'a',
  'Z',
  'é',
  '😀',
  ' ',
];
const markdownish = fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 40 });
const text = fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 60 }), fc.string());
const RUNS = { seed: 1212, numRuns: 1500 };

/** The text a reader sees: line breaks become spaces, NUL is U+FFFD, outer whitespace goes. */
const seen = (s: string) =>
  s
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\0/g, '\uFFFD')
    .trim();
const textOf = (inline: Token) => (inline.children ?? []).map((child) => child.content).join('');
const onlyText = (inline: Token) => (inline.children ?? []).every((child) => child.type === 'text');
const blockTypes = (tokens: Token[]) => tokens.map((token) => token.type);

describe('escapeMarkdown (rendered by markdown-it)', () => {
  it('renders as one paragraph of literal text after a label', () => {
    fc.assert(
      fc.property(text, (s) => {
        const tokens = parse(`intent: ${escapeMarkdown(s)}\n`);
        expect(blockTypes(tokens)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
        expect(onlyText(tokens[1] as Token)).toBe(true);
        expect(textOf(tokens[1] as Token)).toBe(`intent: ${seen(s)}`.trim());
      }),
      RUNS,
    );
  });

  it('renders as literal text at the start of a line, alone or after a paragraph line', () => {
    fc.assert(
      fc.property(text, (s) => {
        const alone = parse(`${escapeMarkdown(s)}\n`);
        if (seen(s) === '') {
          expect(alone).toEqual([]);
          return;
        }
        expect(blockTypes(alone)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
        expect(onlyText(alone[1] as Token)).toBe(true);
        expect(textOf(alone[1] as Token)).toBe(seen(s));
        // A line of `===` or `---` under a paragraph would turn it into a heading.
        const after = parse(`before\n${escapeMarkdown(s)}\n`);
        expect(blockTypes(after)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
        const children = after[1]?.children ?? [];
        expect(children.map((child) => child.type)).toEqual(['text', 'softbreak', 'text']);
        expect(children[2]?.content).toBe(seen(s));
      }),
      RUNS,
    );
  });

  it('renders as one list item and as one heading of literal text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const item = parse(`- actor: ${escapeMarkdown(s)}\n`);
        expect(blockTypes(item)).toEqual([
          'bullet_list_open',
          'list_item_open',
          'paragraph_open',
          'inline',
          'paragraph_close',
          'list_item_close',
          'bullet_list_close',
        ]);
        expect(onlyText(item[3] as Token)).toBe(true);
        expect(textOf(item[3] as Token)).toBe(`actor: ${seen(s)}`.trim());
        const heading = parse(`## rc promote: ${escapeMarkdown(s)}\n`);
        expect(blockTypes(heading)).toEqual(['heading_open', 'inline', 'heading_close']);
        expect(textOf(heading[1] as Token)).toBe(`rc promote: ${seen(s)}`.trim());
      }),
      RUNS,
    );
  });

  it('renders as exactly one table cell of literal text', () => {
    fc.assert(
      fc.property(text, text, (s, t) => {
        const tokens = parse(
          `| check | reason |\n| --- | --- |\n| ${escapeMarkdown(s)} | ${escapeMarkdown(t)} |\n`,
        );
        const cells = tokens.filter((token) => token.type === 'td_open');
        expect(cells).toHaveLength(2);
        expect(tokens.filter((token) => token.type === 'tr_open')).toHaveLength(2);
        const inlines = tokens.filter((token) => token.type === 'inline').slice(2);
        expect(inlines.map(textOf)).toEqual([seen(s), seen(t)]);
        expect(inlines.every(onlyText)).toBe(true);
      }),
      RUNS,
    );
  });

  it.each([
    [
      'a heading and a hidden rest',
      'promote x\n## Approved by CTO\n<!--',
      'promote x ## Approved by CTO <!--',
    ],
    ['a table row', 'x | FAIL | y', 'x | FAIL | y'],
    ['a list marker', '- [x] done', '- [x] done'],
    ['an ordered list marker', '1. first', '1. first'],
    ['a raw tag', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('keeps %s literal', (_, input, shown) => {
    const tokens = parse(`${escapeMarkdown(input)}\n`);
    expect(blockTypes(tokens)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    expect(textOf(tokens[1] as Token)).toBe(shown);
  });

  it('leaves plain words and names alone', () => {
    expect(escapeMarkdown('alice approved it, see "CHG/1"? (yes)')).toBe(
      'alice approved it, see "CHG/1"? (yes)',
    );
    expect(escapeMarkdown('development-implementer checks pass_rate >= 0.95')).toBe(
      'development-implementer checks pass_rate \\>= 0\\.95',
    );
  });
});

describe('markdownCodeSpan (rendered by markdown-it)', () => {
  it('renders as exactly one code span holding the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const span = markdownCodeSpan(s);
        const tokens = parse(`- trace ${span} end\n`);
        const inline = tokens.find((token) => token.type === 'inline') as Token;
        const shown = s.replace(/\r\n|\r|\n/g, ' ').replace(/\0/g, '\uFFFD');
        const children = inline.children ?? [];
        if (shown === '') {
          expect(span).toBe('');
          return;
        }
        expect(children.map((child) => child.type)).toEqual(['text', 'code_inline', 'text']);
        expect(children[1]?.content).toBe(shown);
        expect(children[2]?.content).toBe(' end');
      }),
      RUNS,
    );
  });

  it.each([
    ['a backtick', 'a`b', '``a`b``'],
    ['a leading backtick', '`x', '`` `x ``'],
    ['spaces on both sides', ' x ', '`  x  `'],
    ['a plain word', 'trace-1', '`trace-1`'],
  ])('fences %s', (_, input, expected) => {
    expect(markdownCodeSpan(input)).toBe(expected);
  });
});
