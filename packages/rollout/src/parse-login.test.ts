import { describe, expect, it } from 'vitest';
import { normalizeLogin } from './normalize-login';
import { parseLogin } from './parse-login';

describe('normalizeLogin', () => {
  it.each([
    ['OctoCat', 'octocat'],
    [' octocat \n', 'octocat'],
    ['  ', ''],
    ['ÄBC', 'Äbc'],
  ])('reads %j as %j', (login, normalized) => {
    expect(normalizeLogin(login)).toBe(normalized);
  });
});

describe('parseLogin', () => {
  it.each([
    ['OctoCat ', 'octocat'],
    ['github-actions[bot]', 'github-actions[bot]'],
    ['a'.repeat(39), 'a'.repeat(39)],
  ])('accepts %j as %j', (text, login) => {
    expect(parseLogin(text, '--approver')).toEqual({ ok: true, value: login });
  });

  it.each([
    ['', '--approver: an empty login names nobody'],
    [' \t', '--approver: an empty login names nobody'],
    ['bob smith', '--approver: "bob smith" is not a GitHub login (letters, digits, -)'],
    ['-bob', '--approver: "-bob" is not a GitHub login (letters, digits, -)'],
    ['аlice', '--approver: "аlice" is not a GitHub login (letters, digits, -)'],
    ['a'.repeat(40), `--approver: "${'a'.repeat(40)}" is not a GitHub login (letters, digits, -)`],
  ])('refuses %j', (text, issue) => {
    expect(parseLogin(text, '--approver')).toEqual({ ok: false, issues: [issue] });
  });
});
