/** A half-open range `[start, end)` of text covered by a secret. */
type Span = readonly [start: number, end: number];

/**
 * Replaces every stretch of text covered by any secret or token-shaped match with `marker`.
 *
 * Spans are found with `indexOf` rather than one alternation regex, so metacharacters in
 * secrets are literal and overlapping secrets (`abcdef` and `defghi` in `abcdefghi`) are both
 * covered: a regex consumes the first match and would leave `ghi` behind.
 */
export function maskSecrets(
  text: string,
  secrets: readonly string[],
  tokenPattern: RegExp,
  marker: string,
): string {
  let current = text;
  // A secret containing the marker (`a***b` inside `aa***bb`) can reappear after one pass; each
  // pass with a match at least as long as the marker shrinks the text, so this ends.
  for (;;) {
    const next = maskOnce(current, secrets, tokenPattern, marker);
    if (next === current || next.length >= current.length) return next;
    current = next;
  }
}

function maskOnce(
  text: string,
  secrets: readonly string[],
  tokenPattern: RegExp,
  marker: string,
): string {
  const spans = findSpans(text, secrets, tokenPattern);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  let index = 0;
  while (index < spans.length) {
    const first = spans[index] as Span;
    let end = first[1];
    index += 1;
    // Touching or overlapping spans become one marker, so no fragment sits between them.
    while (index < spans.length && (spans[index] as Span)[0] <= end) {
      end = Math.max(end, (spans[index] as Span)[1]);
      index += 1;
    }
    out += text.slice(cursor, first[0]) + marker;
    cursor = end;
  }
  return out + text.slice(cursor);
}

function findSpans(text: string, secrets: readonly string[], tokenPattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const secret of secrets) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
      spans.push([at, at + secret.length]);
    }
  }
  for (const match of text.matchAll(tokenPattern)) {
    spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}
