// Hidden-HTML handling for sanitizeUntrustedText. Tags are matched with a strict grammar (name,
// then attributes, as CommonMark's raw HTML) so that prose and code such as `a<b && c>d` or
// `Promise<void>` survive; which element a tag closes follows HTML's tree rules, checked against
// parse5 in sanitize-untrusted-text.oracle.test.ts. Not parse5 itself: it would cost ~20 ms of
// start-up and read `Promise<void>` as an element, which GitHub's Markdown does not.

const ATTRIBUTES = String.raw`(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*\s*\/?`;
const ANY_TAG = new RegExp(String.raw`<\/?([A-Za-z][A-Za-z0-9-]*)(${ATTRIBUTES})>`, 'g');
const HAS_VALUED_ATTRIBUTE = /=/;

// Elements whose content is never shown as text, or is media whose alt/title text is hidden.
const CONTENT_HIDDEN = new Set([
  'audio',
  'embed',
  'head',
  'iframe',
  'img',
  'math',
  'noscript',
  'object',
  'picture',
  'script',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

// HTML elements GitHub renders or strips; any of them is removed as a tag, its text kept.
const KNOWN_ELEMENTS = new Set([
  ...CONTENT_HIDDEN,
  ...'a abbr address article aside b base bdi bdo big blockquote body br button caption center cite code col colgroup dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr html i input ins kbd li link main mark meta nav ol option p pre q rp rt ruby s samp section select small span strike strong sub summary sup table tbody td tfoot th thead tr track tt u ul var wbr'.split(
    ' ',
  ),
]);

// Elements that never have content or an end tag.
const VOID = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr'.split(
    ' ',
  ),
);
// Elements whose content is text up to their own end tag: no tag inside them counts.
const RAW_TEXT = new Set(
  'iframe noembed noframes noscript plaintext script style textarea title xmp'.split(' '),
);
// Foreign elements, the only ones a trailing slash closes.
const FOREIGN = new Set(['math', 'svg']);
// HTML's "special" elements: an end tag for an ordinary element (span, b) is ignored while one of
// these is open inside it, so `<span hidden><div>x</span>y` keeps y hidden, as a browser does.
const SPECIAL = new Set(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp'.split(
    ' ',
  ),
);

// One attribute of a tag ATTRIBUTES matched: name, then a double-quoted, single-quoted or bare value.
const ATTRIBUTE =
  /([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>\x60]+)))?/g;
const SIZE_PROPERTIES = new Set([
  'font-size',
  'line-height',
  'max-height',
  'max-width',
  'width',
  'height',
]);
// 0, 0px, 0.0em, .0, 0%: a length or number that is zero.
const ZERO = /^[+-]?(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?$/;
// The character references that can spell CSS in an attribute; letters need numeric ones.
const NAMED_REFERENCES: Record<string, string> = {
  amp: '&',
  apos: "'",
  colon: ':',
  comma: ',',
  excl: '!',
  gt: '>',
  lpar: '(',
  lt: '<',
  newline: '\n',
  num: '#',
  period: '.',
  quot: '"',
  rpar: ')',
  semi: ';',
  sol: '/',
  tab: '\t',
};

/**
 * Removes hidden elements with their content, following HTML's tree rules: nested elements of
 * the same name, end tags HTML ignores, raw text (a `</div>` inside a script is text), a trailing
 * slash (ignored but on void and foreign elements). A hidden element that is never closed hides
 * everything after it, as in a browser.
 */
export function removeHiddenHtml(text: string): string {
  const tags = new RegExp(ANY_TAG.source, 'g');
  let out = '';
  let last = 0;
  for (let match = tags.exec(text); match !== null; match = tags.exec(text)) {
    if (match[0].startsWith('</')) continue;
    const name = (match[1] ?? '').toLowerCase();
    const attributes = match[2] ?? '';
    if (!CONTENT_HIDDEN.has(name) && !hidesElement(attributes)) continue;
    out += text.slice(last, match.index);
    last = elementEnd(text, name, attributes, tags.lastIndex);
    tags.lastIndex = last;
  }
  return out + text.slice(last);
}

/** Whether a tag's attributes hide the element (or shrink it to nothing). */
function hidesElement(attributes: string): boolean {
  const seen = new Set<string>();
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    // HTML keeps the first of two attributes with one name and drops the second.
    if (seen.has(name)) continue;
    seen.add(name);
    const value = decodeReferences(match[2] ?? match[3] ?? match[4] ?? '')
      .trim()
      .toLowerCase();
    if (name === 'hidden') return true;
    if (name === 'aria-hidden' && value === 'true') return true;
    if ((name === 'width' || name === 'height' || name === 'size') && ZERO.test(value)) return true;
    if (name === 'style' && styleHides(value)) return true;
  }
  return false;
}

function styleHides(style: string): boolean {
  for (const declaration of style.replace(/\/\*[\s\S]*?\*\//g, '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration
      .slice(colon + 1)
      .trim()
      .replace(/\s*!important$/, '');
    if (property === 'display' && value === 'none') return true;
    if (property === 'visibility' && (value === 'hidden' || value === 'collapse')) return true;
    if ((property === 'opacity' || SIZE_PROPERTIES.has(property)) && ZERO.test(value)) return true;
  }
  return false;
}

function decodeReferences(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));?/g,
    (reference, decimal?: string, hex?: string, named?: string) => {
      if (named !== undefined) return NAMED_REFERENCES[named.toLowerCase()] ?? reference;
      const code = decimal === undefined ? Number.parseInt(hex ?? '', 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    },
  );
}

/** Where the element whose start tag ends at `from` ends: after its end tag, or the text's end. */
function elementEnd(text: string, name: string, attributes: string, from: number): number {
  if (VOID.has(name) || (FOREIGN.has(name) && attributes.trimEnd().endsWith('/'))) return from;
  if (RAW_TEXT.has(name)) return rawTextEnd(text, name, from);
  const open = new OpenElements(name);
  const tags = new RegExp(ANY_TAG.source, 'g');
  tags.lastIndex = from;
  for (let match = tags.exec(text); match !== null; match = tags.exec(text)) {
    const tag = (match[1] ?? '').toLowerCase();
    if (!match[0].startsWith('</')) {
      if (RAW_TEXT.has(tag)) tags.lastIndex = rawTextEnd(text, tag, tags.lastIndex);
      else if (!VOID.has(tag) && !(FOREIGN.has(tag) && (match[2] ?? '').trimEnd().endsWith('/')))
        open.push(tag);
      continue;
    }
    // An end tag with no open element, or one for an ordinary element with a special one open
    // inside it, is ignored. An end tag of an element outside the hidden one is ignored too: it
    // would close the hidden element in a browser, so this may hide more, never less.
    const at = open.lastIndexOf(tag);
    if (at < 0 || (!SPECIAL.has(tag) && open.hasSpecialAbove(at))) continue;
    open.popTo(at);
    if (at === 0) return tags.lastIndex;
  }
  return text.length;
}

function rawTextEnd(text: string, name: string, from: number): number {
  const close = new RegExp(`</${name}(?=[\\s/>])[^>]*>`, 'gi');
  close.lastIndex = from;
  return close.exec(text) === null ? text.length : close.lastIndex;
}

/** Removes every known HTML tag, and any tag carrying attribute values, keeping the text between. */
export function stripHtmlTags(text: string): string {
  return text.replace(ANY_TAG, (tag, name: string, attributes: string) =>
    KNOWN_ELEMENTS.has(name.toLowerCase()) || HAS_VALUED_ATTRIBUTE.test(attributes) ? '' : tag,
  );
}

/** The stack of open elements, with constant-time lookups so hostile nesting stays linear. */
class OpenElements {
  private readonly names: string[] = [];
  // specials[i]: how many of names[0..i] are special elements.
  private readonly specials: number[] = [];
  private readonly positions = new Map<string, number[]>();

  constructor(root: string) {
    this.push(root);
  }

  push(name: string): void {
    const below = this.specials.at(-1) ?? 0;
    this.specials.push(below + (SPECIAL.has(name) ? 1 : 0));
    const at = this.positions.get(name);
    if (at === undefined) this.positions.set(name, [this.names.length]);
    else at.push(this.names.length);
    this.names.push(name);
  }

  lastIndexOf(name: string): number {
    return this.positions.get(name)?.at(-1) ?? -1;
  }

  hasSpecialAbove(index: number): boolean {
    return (this.specials.at(-1) ?? 0) - (this.specials[index] ?? 0) > 0;
  }

  /** Pops every element from the top down to `index`, inclusive. */
  popTo(index: number): void {
    while (this.names.length > index) {
      const name = this.names.pop() as string;
      this.specials.pop();
      this.positions.get(name)?.pop();
    }
  }
}
