import { describe, expect, it } from 'vitest';
import { classifyAgentFailure } from './classify-agent-failure';

describe('classifyAgentFailure', () => {
  it.each([
    [
      'claude',
      1,
      'Not logged in · Please run /login',
      'auth',
      'claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY',
    ],
    ['claude', 1, 'Invalid API key · Fix external API key', 'auth', 'claude is not logged in'],
    ['claude', 1, 'Credit balance is too low', 'quota', 'claude hit a usage'],
    ['claude', 1, 'API Error: Connection error.', 'network', 'claude cannot reach its model API'],
    [
      'codex',
      1,
      'unexpected status 401 Unauthorized: Missing bearer',
      'auth',
      'codex is not logged in',
    ],
    [
      'codex',
      1,
      'Not inside a trusted directory and --skip-git-repo-check was not specified.',
      'trust',
      'codex does not trust',
    ],
    [
      'codex',
      null,
      'Reconnecting... waiting for network (Connection failed: error sending request)',
      'network',
      'codex cannot reach',
    ],
    [
      'codex',
      1,
      'You exceeded your current quota (insufficient_quota)',
      'quota',
      'codex hit a usage',
    ],
    [
      'gemini',
      41,
      'Please set an Auth method in your settings.json',
      'auth',
      'gemini is not authenticated',
    ],
    ['gemini', 41, '', 'auth', 'gemini is not authenticated'],
    [
      'gemini',
      55,
      'Gemini CLI is not running in a trusted directory.',
      'trust',
      'gemini does not trust',
    ],
    ['gemini', 1, '[API Error: RESOURCE_EXHAUSTED]', 'quota', 'gemini hit a quota'],
    ['gemini', 1, 'TypeError: fetch failed', 'network', 'gemini cannot reach'],
  ] as const)('classifies %s exit %s "%s" as %s', (preset, exitCode, text, kind, message) => {
    const failure = classifyAgentFailure({ preset, exitCode, text });
    expect(failure?.kind).toBe(kind);
    expect(failure?.message.startsWith(message)).toBe(true);
    expect(failure?.message).not.toContain('\n');
  });

  it('names the evidence, one line and bounded', () => {
    const failure = classifyAgentFailure({
      preset: 'claude',
      exitCode: 1,
      text: `first line\nNot logged in ${'x'.repeat(300)}\nlast`,
    });
    expect(failure?.message).toMatch(/\(Not logged in x+\.\.\.\)$/);
    expect(failure?.message.length).toBeLessThan(300);
  });

  it.each([
    ['claude', 1, 'TypeError: undefined is not a function'],
    ['gemini', 1, ''],
    ['custom', 1, 'Not logged in'],
  ] as const)('leaves %s exit %s "%s" unclassified', (preset, exitCode, text) => {
    expect(classifyAgentFailure({ preset, exitCode, text })).toBeNull();
  });
});
