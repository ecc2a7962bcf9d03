import { describe, expect, it } from 'vitest';
import { redactUrlCredentials } from './redact-url-credentials';

describe('redactUrlCredentials', () => {
  it.each([
    ['user and password', 'http://user:pw@127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
    [
      'a user name only (a token as user)',
      'https://ghp_abc@github.com/o/r',
      'https://github.com/o/r',
    ],
    ['an empty password', 'https://user:@host', 'https://host'],
    ['an upper-case scheme', 'HTTPS://User:Pw@Host/', 'HTTPS://Host/'],
    ['IPv6 with a port', 'http://u:pw@[::1]:8080/api', 'http://[::1]:8080/api'],
    ['IPv6 without a port', 'http://u:pw@[fe80::1%25eth0]/', 'http://[fe80::1%25eth0]/'],
    ['encoded @ in user and password', 'http://u%40x:p%40w@host/', 'http://host/'],
    ['a raw @ in the password', 'http://user:p@ss@host/path', 'http://host/path'],
    ['a query and fragment', 'http://u:pw@host?a=b#c', 'http://host?a=b#c'],
    ['backslashes as special schemes allow', 'http:\\\\u:pw@host\\x', 'http:\\\\host\\x'],
    ['no slashes after a special scheme', 'http:u:pw@host/x', 'http:host/x'],
    ['a non-special scheme', 'ssh://git:pw@example.com/repo.git', 'ssh://example.com/repo.git'],
    ['git+https', 'git+https://x-access-token:pw@github.com/o/r', 'git+https://github.com/o/r'],
    ['protocol-relative', '//user:pw@host/x', '//host/x'],
    ['no scheme at all', 'user:pw@127.0.0.1:8080', '127.0.0.1:8080'],
    ['no scheme after =', 'GITHUB_API_URL=user:pw@host', 'GITHUB_API_URL=host'],
    ['an invalid port', 'http://user:pw@host:99999/', 'http://host:99999/'],
    ['a slash inside the password', 'http://user:pa/ss@host/x', 'http://host/x'],
    ['no host after the credentials', 'failed: http://user:pw@', 'failed: http://'],
    [
      'a URL inside a sentence, in parentheses',
      'fetch failed (http://user:pw@host/a): refused',
      'fetch failed (http://host/a): refused',
    ],
    ['a URL in JSON', '{"url": "http://user:pw@host/"}', '{"url": "http://host/"}'],
    [
      'a URL inside a query string',
      'http://host/r?to=http://u:pw@inner/x',
      'http://host/r?to=http://inner/x',
    ],
    ['two URLs', 'http://a:1@h1 and https://b:2@h2/', 'http://h1 and https://h2/'],
    ['a URL-encoded password in an error', 'url: http://user:p%20w@host/', 'url: http://host/'],
  ])('strips %s', (_name, text, expected) => {
    expect(redactUrlCredentials(text)).toBe(expected);
  });

  it.each([
    ['an @ in the path', 'https://registry.npmjs.org/@rc/cli'],
    ['an @ in the query', 'https://host/search?q=a@b'],
    ['an @ in the fragment', 'https://host/#a@b'],
    ['an e-mail address', 'contact mona@example.com please'],
    ['an scp-like git remote', 'git@github.com:octo/rc.git'],
    ['a windows path', 'C:\\Users\\me@corp\\x'],
    ['a non-special scheme with one slash', 'foo:/x@y'],
    ['a colon and a space before the @', 'role: mona@example.com'],
    ['text with no @', 'rc gate: allowed Codertocat (role: maintain)'],
    ['a URL without credentials', 'http://127.0.0.1:8080/x'],
    ['a file URL with an @ in the path', 'file:///home/me@corp/x and y@z'],
    ['an empty port before a path', 'http://host:/a@b'],
    ['an empty string', ''],
  ])('leaves %s alone', (_name, text) => {
    expect(redactUrlCredentials(text)).toBe(text);
  });

  it.each([
    ['a space in the password', 'at http://user:p w@host/x now', 'at http://host/x now'],
    ['a space right after the colon', 'http://user: pw@host', 'http://host'],
    ['a space before the host', 'http://user:pw@ x@host/', 'http://host/'],
    ['a raw @ and a space', 'http://user:p@ s@host/', 'http://host/'],
  ])('strips up to the last @ on the line when no host could follow: %s', (_n, text, expected) => {
    expect(redactUrlCredentials(text)).toBe(expected);
  });

  it('strips a password after a space in the user name, though not the whole user name', () => {
    expect(redactUrlCredentials('http://us er:pw@host/')).toBe('http://us host/');
  });

  it('strips up to a later @ on the line once a URL has credentials, as a parser would', () => {
    expect(redactUrlCredentials('http://u:pw@host and mona@example.com')).toBe(
      'http://example.com',
    );
  });

  it('keeps a URL and an e-mail address on one line apart', () => {
    const text = 'API http://127.0.0.1:8080 failed for mona@example.com';
    expect(redactUrlCredentials(text)).toBe(text);
  });

  it('is idempotent', () => {
    const text = 'a http://u:p@ss@h/x b\n//c:d@e f\nuser:pw@g';
    const once = redactUrlCredentials(text);
    expect(redactUrlCredentials(once)).toBe(once);
    expect(once).toBe('a http://h/x b\n//e f\ng');
  });
});
