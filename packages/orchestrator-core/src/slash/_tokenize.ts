import type { SlashCommandError } from './slash-command-error';

/** One whitespace-separated token, quotes already removed. */
export interface RawToken {
  text: string;
  /** 1-based column of the token's first character in the command line. */
  column: number;
  /** Index in `text` of the first `=` outside quotes, or -1. */
  eqIndex: number;
  /** Index in `text` where the first quoted segment starts, or -1. */
  quoteIndex: number;
}

const isSpace = (ch: string): boolean => /\s/u.test(ch);

/**
 * Splits `line` from `start` into tokens: whitespace separates, double quotes group and are
 * stripped, `\"` and `\\` inside quotes are escapes. Never throws.
 */
export function tokenize(
  line: string,
  start: number,
): { ok: true; tokens: RawToken[] } | { ok: false; error: SlashCommandError } {
  const tokens: RawToken[] = [];
  let i = start;
  while (i < line.length) {
    while (i < line.length && isSpace(line.charAt(i))) i++;
    if (i >= line.length) break;
    const token: RawToken = { text: '', column: i + 1, eqIndex: -1, quoteIndex: -1 };
    while (i < line.length && !isSpace(line.charAt(i))) {
      const ch = line.charAt(i);
      if (ch === '"') {
        const opened = i;
        if (token.quoteIndex < 0) token.quoteIndex = token.text.length;
        i++;
        let closed = false;
        while (i < line.length) {
          const inner = line.charAt(i);
          const next = line.charAt(i + 1);
          if (inner === '\\' && (next === '"' || next === '\\')) {
            token.text += next;
            i += 2;
          } else if (inner === '"') {
            closed = true;
            i++;
            break;
          } else {
            token.text += inner;
            i++;
          }
        }
        if (!closed) {
          return {
            ok: false,
            error: {
              code: 'unterminated_quote',
              column: opened + 1,
              message: `column ${opened + 1}: unterminated double quote`,
            },
          };
        }
      } else {
        if (ch === '=' && token.eqIndex < 0) token.eqIndex = token.text.length;
        token.text += ch;
        i++;
      }
    }
    tokens.push(token);
  }
  return { ok: true, tokens };
}
