/**
 * Splits a command template into words like a POSIX shell would for plain words and quotes
 * (`'...'`, `"..."`, backslash escapes), without expansion: templates come from a config file
 * and must never run shell syntax. Returns null for an unterminated quote.
 */
export function splitCommandTemplate(template: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let index = 0; index < template.length; index++) {
    const char = template[index] as string;
    if (quote !== null) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"' && index + 1 < template.length) {
        word += template[++index];
      } else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && index + 1 < template.length) {
      word += template[++index];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== null) return null;
  if (inWord) words.push(word);
  return words;
}
