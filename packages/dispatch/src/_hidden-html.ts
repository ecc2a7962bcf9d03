// Hidden-HTML handling for sanitizeUntrustedText. Tags are matched with a strict grammar (name,
// then attributes) so that prose and code such as `a<b && c>d` or `Promise<void>` survive.

const ATTRIBUTES = String.raw`(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*\s*\/?`;
const OPEN_TAG = new RegExp(String.raw`<([A-Za-z][A-Za-z0-9-]*)(${ATTRIBUTES})>`, 'g');
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

// Attributes and inline styles that hide an element or shrink it to nothing.
const HIDING_ATTRIBUTE = new RegExp(
  [
    String.raw`(?:^|\s)hidden(?:\s|=|\/|$)`,
    String.raw`aria-hidden\s*=\s*["']?true`,
    String.raw`display\s*:\s*none`,
    String.raw`visibility\s*:\s*(?:hidden|collapse)`,
    String.raw`(?:font-size|line-height|max-height|max-width|width|height)\s*:\s*0(?![.\d]*[1-9])`,
    String.raw`opacity\s*:\s*0(?![.\d]*[1-9])`,
    String.raw`(?:^|\s)(?:width|height|size)\s*=\s*["']?0(?![.\d]*[1-9])`,
  ].join('|'),
  'i',
);

// HTML elements GitHub renders or strips; any of them is removed as a tag, its text kept.
const KNOWN_ELEMENTS = new Set([
  ...CONTENT_HIDDEN,
  ...'a abbr address article aside b base bdi bdo big blockquote body br button caption center cite code col colgroup dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr html i input ins kbd li link main mark meta nav ol option p pre q rp rt ruby s samp section select small span strike strong sub summary sup table tbody td tfoot th thead tr track tt u ul var wbr'.split(
    ' ',
  ),
]);

/** Removes hidden elements with their content; a hidden element left unclosed loses its tag. */
export function _removeHiddenHtml(text: string): string {
  let out = '';
  let last = 0;
  // The next closing tag per element name (index -1: none left), so the text is scanned once per name.
  const closes = new Map<string, { index: number; end: number }>();
  OPEN_TAG.lastIndex = 0;
  for (let match = OPEN_TAG.exec(text); match !== null; match = OPEN_TAG.exec(text)) {
    const name = (match[1] ?? '').toLowerCase();
    const attributes = match[2] ?? '';
    if (!CONTENT_HIDDEN.has(name) && !HIDING_ATTRIBUTE.test(attributes)) continue;
    out += text.slice(last, match.index);
    last = OPEN_TAG.lastIndex;
    if (!attributes.trimEnd().endsWith('/')) {
      const close = nextClose(text, name, last, closes);
      if (close.index >= 0) last = close.end;
    }
    OPEN_TAG.lastIndex = last;
  }
  return out + text.slice(last);
}

function nextClose(
  text: string,
  name: string,
  from: number,
  cache: Map<string, { index: number; end: number }>,
): { index: number; end: number } {
  const cached = cache.get(name);
  if (cached !== undefined && (cached.index < 0 || cached.index >= from)) return cached;
  const pattern = new RegExp(`</${name}\\s*>`, 'gi');
  pattern.lastIndex = from;
  const found = pattern.exec(text);
  const close =
    found === null ? { index: -1, end: -1 } : { index: found.index, end: pattern.lastIndex };
  cache.set(name, close);
  return close;
}

/** Removes every known HTML tag, and any tag carrying attribute values, keeping the text between. */
export function _stripHtmlTags(text: string): string {
  return text.replace(ANY_TAG, (tag, name: string, attributes: string) =>
    KNOWN_ELEMENTS.has(name.toLowerCase()) || HAS_VALUED_ATTRIBUTE.test(attributes) ? '' : tag,
  );
}
