/** Schemes whose URLs the WHATWG parser reads with any number of `/` or `\` before the host. */
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);

/**
 * Where a URL's authority may begin: after `scheme:` and its slashes, or after any other `//`
 * (a protocol-relative URL). `"`, `<`, `>` and backticks never occur unencoded in a URL, so
 * they bound it, and they keep JSON intact: a JSON string holds no raw `"`.
 */
const AUTHORITY_START = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*):([/\\]*)|\/\//g;

/** The end of a URL in text. */
const URL_END = /[\s"<>`]/;
/** The end of a line, or a character no URL holds unencoded. */
const LINE_END = /[\r\n"<>`]/;
/** The end of an authority (`\` counts, as it does for http and https). */
const AUTHORITY_END = /[/\\?#]/;
/** A host (name, IPv4 or `[IPv6]`) with an optional numeric port: an authority with no `@`. */
const PLAUSIBLE_HOST = /^(?:\[[^\]]*\]|[^:@[\]]*)(?::\d+)?$/;
/** Where `user:password@` with no scheme before it ends: it holds no path delimiter. */
const BARE_USERINFO_END = /[\s"<>`/\\?#@]/;

/**
 * `text` with the user name and password removed from every URL in it:
 * `http://user:pw@host/x` becomes `http://host/x`. It follows the WHATWG URL parser (the
 * userinfo ends at the last `@` before the path), also for URLs written without a scheme
 * (`user:pw@host`, `//user:pw@host`) and for text no parser accepts: when what precedes the
 * `@` cannot be a host and port (`http://user:pa/ss@host`, `http://user:p w@host`), everything
 * up to the last `@` on that line goes, since stripping too much beats printing a password.
 * An `@` in a path, query or fragment (`https://registry.npmjs.org/@rc/cli`) and e-mail
 * addresses are left alone, except that an address on the line of a credentialed URL with no
 * path goes with its credentials, as a parser would read it. Text without `@` is returned as is.
 */
export function redactUrlCredentials(text: string): string {
  if (!text.includes('@')) return text;
  // A fresh copy: the regex keeps its position in `lastIndex`.
  const starts = new RegExp(AUTHORITY_START.source, AUTHORITY_START.flags);
  const scanner = createScanner(text);
  let out = '';
  let copied = 0;
  // Inside a URL's path, query or fragment only a nested `scheme://` starts another URL.
  let urlEnd = 0;
  for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
    const [whole, scheme, slashes = ''] = match;
    const after = match.index + whole.length;
    if (match.index < urlEnd && (scheme === undefined || slashes.length < 2)) continue;
    const isAuthority =
      scheme === undefined || SPECIAL_SCHEMES.has(scheme.toLowerCase()) || slashes.length >= 2;
    let cut: readonly [start: number, end: number] | null = null;
    if (isAuthority) {
      urlEnd = scanner.next(URL_END, after);
      const end = userinfoEnd(text, scanner, after);
      if (end > after) cut = [after, end];
    } else if (slashes === '' && text.charAt(scanner.next(BARE_USERINFO_END, after)) === '@') {
      // `user:pw@host`: what looked like a scheme is the user name.
      cut = [match.index, userinfoEnd(text, scanner, match.index)];
    }
    if (cut === null || cut[1] <= copied) continue;
    out += text.slice(copied, Math.max(copied, cut[0]));
    copied = cut[1];
    starts.lastIndex = Math.max(starts.lastIndex, copied);
  }
  return out + text.slice(copied);
}

// Index just past the userinfo's `@` of the authority starting at `start`, or `start` if none.
function userinfoEnd(text: string, scanner: Scanner, start: number): number {
  const wordEnd = scanner.next(URL_END, start);
  const authorityEnd = Math.min(scanner.next(AUTHORITY_END, start), wordEnd);
  const authority = text.slice(start, authorityEnd);
  // An empty host or port is fine before a path (`file:///x`, `http://h:/x`), not before a
  // space (`http://user: pw@host`).
  const bounded = authorityEnd < wordEnd || wordEnd === text.length;
  const plainHost =
    authority === ''
      ? bounded
      : PLAUSIBLE_HOST.test(bounded ? authority.replace(/:$/, '') : authority);
  if (!authority.includes('@') && plainHost) return start;
  // Credentials, or no host a parser would accept. The WHATWG parser reads the userinfo up to
  // the last `@` before the path, spaces and all (`http://user:p w@host`).
  const lineEnd = scanner.next(LINE_END, start);
  const lineAuthorityEnd = Math.min(scanner.next(AUTHORITY_END, start), lineEnd);
  const at = scanner.lastAt(lineAuthorityEnd);
  if (at >= start) {
    const host = text.slice(at + 1, Math.min(scanner.next(URL_END, at + 1), lineAuthorityEnd));
    if (host !== '' && PLAUSIBLE_HOST.test(host)) return at + 1;
  }
  // Still no host (`http://user:pa/ss@host`): strip too much rather than print a password.
  return Math.max(start, scanner.lastAt(lineEnd) + 1);
}

interface Scanner {
  /** The first index at or after `from` whose character matches `stop`, else the length. */
  next(stop: RegExp, from: number): number;
  /** The index of the last `@` before `end`, or -1. */
  lastAt(end: number): number;
}

// Remembers its answers, so that many URLs on one long line cost one pass over it, not one each.
function createScanner(text: string): Scanner {
  const found = new Map<RegExp, readonly [from: number, index: number]>();
  const searches = new Map<RegExp, RegExp>();
  let atEnd = -1;
  let at = -1;
  return {
    next(stop, from) {
      const known = found.get(stop);
      // Nothing in [known from, known index) matched, so nothing in [from, known index) does.
      if (known !== undefined && known[0] <= from && from <= known[1]) return known[1];
      const search = searches.get(stop) ?? new RegExp(stop.source, 'g');
      searches.set(stop, search);
      search.lastIndex = from;
      const index = search.exec(text)?.index ?? text.length;
      found.set(stop, [from, index]);
      return index;
    },
    lastAt(end) {
      if (end !== atEnd) {
        atEnd = end;
        at = end > 0 ? text.lastIndexOf('@', end - 1) : -1;
      }
      return at;
    },
  };
}
