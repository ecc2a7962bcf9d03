// What can start markup anywhere in a line: links and autolinks (`[`, `]`, `:`, `.`), HTML and
// comments (`<`, `>`), emphasis, code and strikethrough, table cells, entities, GitHub's math
// (`$`), headings' closing `#`s, and the escape character itself.
const ANYWHERE = /[!#$&*.:<>[\\\]_`|~]/g;
// What starts a block only at the start of a line: a list item, a thematic break, a setext
// underline (`-`, `+`, `=`) or an ordered list item written `1)` (`1.` is caught by `.` above).
const LEADING = /^(?:[-+=]|\d+\))/;
const WORD = /^[A-Za-z0-9]$/;

/**
 * `text` escaped so that it renders as the same literal text wherever Markdown allows inline text:
 * after a label, at the start of a line, in a list item or heading, or in a GFM table cell. Line
 * breaks become spaces (one line in, one line out), leading and trailing whitespace is dropped (a
 * renderer would drop it, and indentation could start a code block), NUL becomes U+FFFD (as
 * CommonMark reads it), and every character that could start markup is backslash-escaped (any
 * ASCII punctuation may be, in CommonMark). Characters that mean something only in some places
 * are escaped only there, so names stay readable: `_` inside a word (`pass_rate`) and `-`, `+`,
 * `=` after the first character. Pure.
 */
export function escapeMarkdown(text: string): string {
  const line = text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\0/g, '\uFFFD')
    .trim();
  // An underscore between two letters or digits can neither open nor close emphasis.
  const escaped = line.replace(ANYWHERE, (char: string, at: number) =>
    char === '_' && WORD.test(line[at - 1] ?? '') && WORD.test(line[at + 1] ?? '')
      ? char
      : `\\${char}`,
  );
  return escaped.replace(LEADING, (lead) => `${lead.slice(0, -1)}\\${lead.slice(-1)}`);
}
