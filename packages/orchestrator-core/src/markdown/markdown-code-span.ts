/**
 * `text` as one Markdown code span that renders exactly `text` (line breaks become spaces, NUL
 * becomes U+FFFD): the fence is one backtick longer than the longest run inside, and padded with a
 * space where CommonMark would strip one. The empty string gives the empty string (there is no empty
 * code span). Not for GFM table cells, where a `|` inside would still end the cell: use
 * {@link escapeMarkdown} there. Pure.
 */
export function markdownCodeSpan(text: string): string {
  const code = text.replace(/\r\n|\r|\n/g, ' ').replace(/\0/g, '\uFFFD');
  if (code === '') return '';
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad =
    code.startsWith('`') ||
    code.endsWith('`') ||
    (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}
