import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { sanitizeUntrustedText } from './sanitize-untrusted-text';

// parse5 (the WHATWG HTML parser) is the oracle: it builds the tree a browser would, decodes
// entities and attributes, and this test decides visibility on that tree by the rules the
// sanitizer documents (hidden, aria-hidden="true", display:none, visibility:hidden|collapse,
// zero opacity or size, width/height/size="0"; script, template, img... never shown).

interface Parse5Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
}

const NEVER_SHOWN = new Set(['script', 'style', 'template', 'img', 'textarea', 'title']);
const SIZES = new Set(['font-size', 'line-height', 'max-height', 'max-width', 'width', 'height']);
const ZERO = /^[+-]?(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?$/;

function hiddenByAttributes(attrs: { name: string; value: string }[]): boolean {
  return attrs.some(({ name, value }) => {
    const v = value.trim().toLowerCase();
    if (name === 'hidden') return true;
    if (name === 'aria-hidden') return v === 'true';
    if (name === 'width' || name === 'height' || name === 'size') return ZERO.test(v);
    if (name !== 'style') return false;
    return v
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(';')
      .some((declaration) => {
        const colon = declaration.indexOf(':');
        if (colon < 0) return false;
        const prop = declaration.slice(0, colon).trim();
        const val = declaration
          .slice(colon + 1)
          .trim()
          .replace(/\s*!important$/, '');
        if (prop === 'display') return val === 'none';
        if (prop === 'visibility') return val === 'hidden' || val === 'collapse';
        if (prop === 'opacity' || SIZES.has(prop)) return ZERO.test(val);
        return false;
      });
  });
}

function visibleText(node: Parse5Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (NEVER_SHOWN.has(node.nodeName)) return '';
  if (node.attrs !== undefined && hiddenByAttributes(node.attrs)) return '';
  return (node.childNodes ?? []).map(visibleText).join('');
}

function oracle(html: string): string {
  const document = parse(`<!DOCTYPE html><html><head></head><body>${html}`) as Parse5Node;
  const body = document.childNodes
    ?.find((node) => node.nodeName === 'html')
    ?.childNodes?.find((node) => node.nodeName === 'body');
  return visibleText(body ?? { nodeName: 'body' });
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

// Every hiding form the sanitizer claims, and attributes that look close but do not hide.
const HIDING = [
  'hidden',
  'HIDDEN',
  'hidden=""',
  'hidden="hidden"',
  'hidden=until-found',
  'style="display:none"',
  'style="display: none"',
  "style='DISPLAY:NONE'",
  'style="color:red; display:none !important"',
  'style="display&colon;none"',
  'style="display&#58;none"',
  'style="&#x64;isplay:none"',
  'style="display:/**/none"',
  'style="visibility:hidden"',
  'style="visibility: collapse"',
  'aria-hidden="true"',
  'style="opacity:0"',
  'style="opacity: 0.0"',
  'style="font-size:0"',
  'style="width:0;height:0;overflow:hidden"',
  'style="max-height:0px"',
  'width="0"',
  'size=0',
];
const SHOWING = [
  'class="note"',
  'title="not hidden"',
  'title=hidden',
  'data-hidden="true"',
  'aria-hidden="false"',
  'style="display:block"',
  'style="opacity:0.5"',
  'style="width:10px"',
  'style="x-display:none-ish"',
];
const ELEMENTS = ['div', 'span', 'section', 'b', 'i', 'em', 'strong', 'font', 'details', 'summary'];

type Token = { kind: 'open' | 'close' | 'text'; text: string };

const word = fc.stringMatching(/^[a-z]{1,5}$/);
const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => ` ${words.join(' ')} `);
const attributes = fc.array(fc.constantFrom(...HIDING, ...SHOWING, ...SHOWING), { maxLength: 2 });

// A well-nested tree as tokens; leaves include raw-text and void elements.
const tree: fc.Arbitrary<Token[]> = fc.letrec<{ node: Token[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((t): Token[] => [{ kind: 'text', text: t }]),
    fc
      .constantFrom('<img alt="do X">', '<br>', '<img hidden src="x">')
      .map((tag): Token[] => [{ kind: 'text', text: tag }]),
    fc
      .constantFrom('do X', 'a </div> b', 'x <b hidden> y', '</span>')
      .map((body): Token[] => [{ kind: 'text', text: `<script>${body}</script>` }]),
    fc
      .tuple(
        fc.constantFrom(...ELEMENTS, 'template'),
        attributes,
        fc.boolean(),
        fc.array(tie('node'), { maxLength: 3 }),
      )
      .map(([name, attrs, slash, children]): Token[] => [
        {
          kind: 'open',
          // A slash on a non-void element is ignored by HTML: the element stays open.
          text: `<${name}${attrs.map((a) => ` ${a}`).join('')}${slash ? '/' : ''}>`,
        },
        ...children.flat(),
        { kind: 'close', text: `</${name}>` },
      ]),
  ),
})).node;

// Optionally cut the closing tags off the end, as an unfinished comment would.
const html = fc
  .tuple(fc.array(tree, { minLength: 1, maxLength: 4 }), fc.option(fc.nat()))
  .map(([nodes, cut]) => {
    const tokens = nodes.flat();
    const from = cut === null ? tokens.length : cut % (tokens.length + 1);
    return tokens
      .filter((token, index) => index < from || token.kind !== 'close')
      .map((token) => token.text)
      .join('');
  });

describe('sanitizeUntrustedText against parse5', () => {
  it('keeps exactly the text a browser shows, for nested HTML with hidden elements', () => {
    fc.assert(
      fc.property(html, (input) => {
        expect(normalise(sanitizeUntrustedText(input, { maxLength: 100_000 }))).toBe(
          normalise(oracle(input)),
        );
      }),
      { seed: 1204, numRuns: 1000 },
    );
  });

  it('agrees with parse5 on the examples from the issue', () => {
    const input = '<div hidden><div>x</div>SECRET</div>visible';
    expect(normalise(oracle(input))).toBe('visible');
    expect(sanitizeUntrustedText(input)).toBe('visible');
  });
});
