/**
 * A GitHub login as GitHub compares them: without surrounding whitespace, ASCII letters
 * lower-cased (logins are case-insensitive ASCII; nothing else is folded). A blank login gives
 * `''`, which names nobody. Pure.
 */
export function normalizeLogin(login: string): string {
  return login.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
