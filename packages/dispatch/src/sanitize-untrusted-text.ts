import { removeHiddenHtml, stripHtmlTags } from './_hidden-html';

/** Appended to text cut at `maxLength`. */
export const TRUNCATION_MARKER = '…[truncated]';

/** The cap on untrusted text, in UTF-16 code units, when no other is given. */
export const DEFAULT_MAX_TEXT_LENGTH = 2000;

/** Options of {@link sanitizeUntrustedText}. */
export interface SanitizeUntrustedTextOptions {
  /**
   * The most UTF-16 code units kept; longer text is cut (never inside a surrogate pair) and
   * {@link TRUNCATION_MARKER} appended, so the result is at most `maxLength + 12` long.
   * @default 2000
   */
  maxLength?: number;
}

// Unterminated comments run to the end, as a browser would hide them.
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// Cf covers the bidi controls, zero-width characters, word joiners, BOM, soft hyphen and tag
// characters; Cs catches lone surrogates; the rest are C0/C1 controls (keeping \t and \n) and
// characters that render as nothing (Hangul fillers, variation selectors, grapheme joiner).
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- removing them is the point
  /[\p{Cf}\p{Cs}\u0000-\u0008\u000B-\u001F\u007F-\u009F\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// Link reference definitions render as nothing (`[//]: # (hidden)` is the classic trick);
// footnote definitions (`[^1]:`) do render, so they stay.
const LINK_DEFINITION =
  /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/gm;
// Image alt text and link titles are not shown on the page.
// Bracket and paren scans stop at the next opening, so adversarial input stays linear.
const MARKDOWN_IMAGE = /!\[[^[\]\n]*\](?:\((?:[^)\n!]|!(?!\[))*\)|\[[^[\]\n]*\])/g;
const LINK_TITLE =
  /(\[[^[\]\n]*\]\([ \t]*(?:<[^<>\n]*>|[^)\s[<]*))[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))[ \t]*\)/g;
const BLANK_RUNS = /\n[ \t]*\n(?:[ \t]*\n)+/g;

/**
 * Makes text from an issue or a comment safe to put into an envelope or a prompt: removes what a
 * reader of the rendered page would not see but an agent reading the raw text would. Strips HTML
 * comments (an unterminated one to the end), invisible and bidi control characters, C0/C1
 * controls except tab and newline, hidden HTML (elements with `hidden`, `aria-hidden="true"`,
 * `display:none`, `visibility:hidden`, zero size or opacity, also when spelled with character
 * references or CSS comments; `script`, `style`, `img`, `picture` and the like with their
 * content), matched as a browser nests them (an unclosed hidden element hides the rest),
 * remaining HTML tags (keeping their text), markdown images, link titles and link reference
 * definitions. Normalises line breaks to LF, collapses the blank runs left behind, trims, and
 * caps the length. `<details>` content is kept: a reader can open it. Repeats until nothing
 * changes, so removing one piece cannot assemble another. Never throws for any string.
 */
export function sanitizeUntrustedText(
  text: string,
  options: SanitizeUntrustedTextOptions = {},
): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 0) {
    throw new RangeError(`sanitizeUntrustedText: maxLength must be a non-negative integer`);
  }
  let current = text;
  for (;;) {
    const next = cleanOnce(current);
    if (next === current) break;
    current = next;
  }
  return truncate(current, maxLength);
}

function cleanOnce(text: string): string {
  const visible = text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').replace(HTML_COMMENT, '');
  return stripHtmlTags(removeHiddenHtml(visible))
    .replace(LINK_DEFINITION, '')
    .replace(MARKDOWN_IMAGE, '')
    .replace(LINK_TITLE, '$1)')
    .replace(BLANK_RUNS, '\n\n')
    .trim();
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const code = text.charCodeAt(maxLength - 1);
  // Never keep half of a surrogate pair.
  const cut = code >= 0xd800 && code <= 0xdbff ? maxLength - 1 : maxLength;
  return `${text.slice(0, cut)}${TRUNCATION_MARKER}`;
}
