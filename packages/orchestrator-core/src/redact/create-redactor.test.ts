import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRedactor,
  GITHUB_TOKEN_PATTERN,
  REDACTED,
  SECRET_NAME_PATTERN,
} from './create-redactor';

const TOKEN_BODY = 'A1b2C3d4E5f6G7h8I9j0K';

describe('SECRET_NAME_PATTERN', () => {
  it.each([
    'GITHUB_TOKEN',
    'my_api_token',
    'AWS_SECRET_ACCESS_KEY',
    'DB_PASSWORD',
    'ssh_key',
    'Key',
  ])('matches %s', (name) => {
    expect(SECRET_NAME_PATTERN.test(name)).toBe(true);
  });

  it.each(['HOME', 'PATH', 'USER', 'GITHUB_REPOSITORY', 'TZ'])('does not match %s', (name) => {
    expect(SECRET_NAME_PATTERN.test(name)).toBe(false);
  });
});

describe('GITHUB_TOKEN_PATTERN', () => {
  it('gives the same answer on repeated tests because it is not global', () => {
    const token = `ghp_${TOKEN_BODY}`;
    expect([GITHUB_TOKEN_PATTERN.test(token), GITHUB_TOKEN_PATTERN.test(token)]).toEqual([
      true,
      true,
    ]);
  });
});

describe('createRedactor', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('redacts values of env vars whose names contain TOKEN, SECRET, PASSWORD or KEY', () => {
    const env = { MY_API_TOKEN: 'tok-value', db_password: 'hunter22', SIGNING_KEY: 'k3y-v4l-9' };
    const { redact } = createRedactor({ env });
    expect(redact('a tok-value b hunter22 c k3y-v4l-9')).toBe('a *** b *** c ***');
  });

  it('leaves values of env vars with ordinary names alone', () => {
    const { redact, secretCount } = createRedactor({ env: { HOME: '/home/runner', USER: 'rc' } });
    expect(redact('cd /home/runner as rc')).toBe('cd /home/runner as rc');
    expect(secretCount).toBe(0);
  });

  it('ignores env values shorter than minLength so KEY=1 does not blank every 1', () => {
    const { redact } = createRedactor({ env: { KEY: '1', TOKEN: 'abc', SECRET: undefined } });
    expect(redact('issue 1 has abc')).toBe('issue 1 has abc');
  });

  it.each([
    ['DEPLOY_KEY', 'github', '{"trigger":"github"}'],
    ['DEPLOY_KEY', 'false', '{"dry_run": false}'],
    ['USE_SSH_KEY', 'true', '{"passed": true}'],
    ['API_KEY', 'null', '{"reason": null}'],
    ['KEY_ID', '1234567890', '{"id": 1234567890, "n": "1234567890"}'],
    ['KEY_SIZE', '-4096.5e3', 'size -4096.5e3'],
    ['SSH_KEY_MODE', 'enabled', 'mode enabled'],
  ])('leaves %s=%s alone: not a value that can be a secret', (name, value, text) => {
    const redactor = createRedactor({ env: { [name]: value } });
    expect(redactor.redact(text)).toBe(text);
    expect(redactor.secretCount).toBe(0);
  });

  it('treats JSON keywords and numbers as no secret even below the default minLength', () => {
    const { redact } = createRedactor({
      env: { A_KEY: 'true', B_KEY: '42', C_KEY: 'ab' },
      minLength: 2,
    });
    expect(redact('true 42 ab')).toBe('true 42 ***');
  });

  it('still redacts explicit secrets and token shapes that look like words', () => {
    const { redact } = createRedactor({ env: {}, secrets: ['false', 'github'] });
    expect(redact('false github')).toBe('*** ***');
  });

  it('honours a lower minLength when asked', () => {
    expect(createRedactor({ env: { KEY: 'ab' }, minLength: 2 }).redact('xaby')).toBe('x***y');
  });

  it('redacts explicit secrets whatever their length but ignores the empty string', () => {
    const { redact } = createRedactor({ env: {}, secrets: ['', 'ab'] });
    expect(redact('cab')).toBe('c***');
  });

  it('treats regex metacharacters in secrets literally', () => {
    const { redact } = createRedactor({ env: {}, secrets: ['a.b*c(d)', '$^|\\'] });
    expect(redact('axbbcd a.b*c(d) $^|\\')).toBe('axbbcd *** ***');
  });

  it('leaves no fragment when one secret contains another', () => {
    const { redact } = createRedactor({ env: {}, secrets: ['cde', 'abcdefg'] });
    expect(redact('x abcdefg y cde')).toBe('x *** y ***');
  });

  it('leaves no fragment when two secrets overlap', () => {
    const { redact } = createRedactor({ env: {}, secrets: ['abcdef', 'defghi'] });
    expect(redact('<abcdefghi>')).toBe('<***>');
  });

  it('redacts the JSON-escaped form of a secret so serialising cannot leak it', () => {
    const secret = 'pa"ss\\wo\nrd';
    const { redact } = createRedactor({ env: {}, secrets: [secret] });
    expect(redact(JSON.stringify({ password: secret }))).toBe('{"password":"***"}');
  });

  it('says how long its longest literal is, escaped forms and explicit secrets included', () => {
    expect(createRedactor({ env: {} }).longestSecret).toBe(0);
    const quoted = 'a"b"c"d"e';
    const redactor = createRedactor({ env: { API_KEY: 'ten-chars!' }, secrets: [quoted] });
    // The explicit secret is 9 characters, 13 once JSON-escaped: longer than the env value's 10.
    expect(redactor.longestSecret).toBe(13);
  });

  it('counts each secret and its distinct JSON-escaped form', () => {
    expect(createRedactor({ env: { A_KEY: 'plain-value' }, secrets: ['quo"te'] }).secretCount).toBe(
      3,
    );
  });

  it('leaves no secret behind when redaction would rebuild it around the marker', () => {
    const { redact } = createRedactor({ env: {}, secrets: ['a***b'] });
    const out = redact('aaaa***bbbb');
    expect(out).not.toContain('a***b');
    expect(out).toBe(REDACTED);
  });

  it('stops when a short secret would make the text grow forever', () => {
    expect(createRedactor({ env: {}, secrets: ['*'] }).redact('a*b')).toBe('a***b');
  });

  it.each(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'])(
    'redacts %s tokens anywhere in text',
    (prefix) => {
      const { redact } = createRedactor({ env: {} });
      expect(redact(`https://x:${prefix}${TOKEN_BODY}@github.com`)).toBe(
        'https://x:***@github.com',
      );
      expect(redact(`xx${prefix}${TOKEN_BODY}`)).toBe('xx***');
    },
  );

  it('redacts github_pat_ tokens including their underscores', () => {
    const { redact } = createRedactor({ env: {} });
    expect(redact(`token=github_pat_11AB_${TOKEN_BODY}_xyz done`)).toBe('token=*** done');
  });

  it.each(['', '_', 'x'])(
    'redacts two tokens printed back to back (joined by %j) whole',
    (glue) => {
      const { redact } = createRedactor({ env: {} });
      const first = `ghp_${'A'.repeat(36)}`;
      const second = `ghs_${'B'.repeat(36)}`;
      const out = redact(`${first}${glue}${second} end`);
      expect(out).not.toMatch(/AAAA|BBBB/);
      expect(out).toMatch(/^\*\*\* end$/);
    },
  );

  it('leaves token prefixes followed by fewer than 20 characters alone', () => {
    const { redact } = createRedactor({ env: {} });
    const text = 'ghp_short gho_1234567890123456789 github_pat_';
    expect(redact(text)).toBe(text);
  });

  it('reads process.env when no env is given', () => {
    vi.stubEnv('RC_TEST_SECRET', 'from-process-env');
    expect(createRedactor().redact('value from-process-env')).toBe('value ***');
  });

  it('returns text without secrets unchanged, markers included', () => {
    const text = 'nothing *** to see\n"here"';
    expect(createRedactor({ env: {}, secrets: ['absent'] }).redact(text)).toBe(text);
  });
});
