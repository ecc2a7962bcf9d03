// Every ASCII punctuation character, less a few that no Markdown flavour rc renders in (CommonMark,
// GFM, GitHub's) gives meaning to in running text: `"`, `%`, `'`, `,`, `/`, `;`, `?`, `@`, `^`,
// `{`, `}`. CommonMark lets any ASCII punctuation be backslash-escaped, so escaping the rest also
// stops what a character means only in some places (a leading `-`, `1.` or `=`, a `:` in a link,
// `$` for GitHub's math, `~` for strikethrough, `|` between table cells).
const MEANINGFUL = /[!#$&()*+\-.:<=>[\\\]_`|~]/g;

/**
 * `text` escaped so that it renders as the same literal text wherever Markdown allows inline text:
 * after a label, at the start of a line, in a list item or heading, or in a GFM table cell. Line
 * breaks become spaces (one line in, one line out), leading and trailing whitespace is dropped (a
 * renderer would drop it, and indentation could start a code block), NUL becomes U+FFFD (as
 * CommonMark reads it), and every character that could start markup (headings, lists, HTML and
 * comments, links, emphasis, code, tables, entities) is backslash-escaped. Pure.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\0/g, '\uFFFD')
    .trim()
    .replace(MEANINGFUL, '\\$&');
}
