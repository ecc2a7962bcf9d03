import { describe, expect, it } from 'vitest';
import { AGENT_BACKENDS } from './agent-backend';
import { buildAgentInvocation, resolveAgentBackend } from './resolve-agent-backend';
import { splitCommandTemplate } from './_split-command-template';

describe('resolveAgentBackend', () => {
  it('uses the presets, all reading the prompt on stdin', () => {
    expect(resolveAgentBackend({})).toEqual({
      command: 'codex',
      args: ['exec', '-'],
      prompt: 'stdin',
    });
    expect(resolveAgentBackend({ preset: 'claude' })).toBe(AGENT_BACKENDS.claude);
    expect(resolveAgentBackend({ preset: 'gemini' }).prompt).toBe('stdin');
  });

  it('lets a preset name another executable', () => {
    expect(resolveAgentBackend({ preset: 'claude', command: '/opt/claude' })).toEqual({
      command: '/opt/claude',
      args: ['-p'],
      prompt: 'stdin',
    });
  });

  it('passes the prompt as a file when a custom template names {prompt_file}', () => {
    const backend = resolveAgentBackend({
      preset: 'custom',
      command: 'my-agent --prompt {prompt_file}',
    });
    expect(backend).toEqual({
      command: 'my-agent',
      args: ['--prompt', '{prompt_file}'],
      prompt: 'file',
    });
    expect(buildAgentInvocation(backend, '/p/main.md')).toEqual({
      file: 'my-agent',
      args: ['--prompt', '/p/main.md'],
      stdinFile: null,
    });
  });

  it('pipes the prompt when a custom template has no placeholder', () => {
    const backend = resolveAgentBackend({ preset: 'custom', command: "node 'my agent.mjs' -q" });
    expect(backend).toEqual({ command: 'node', args: ['my agent.mjs', '-q'], prompt: 'stdin' });
    expect(buildAgentInvocation(backend, 'x.md').stdinFile).toBe('x.md');
  });

  it.each([
    [{ preset: 'custom' as const }, 'loop.agent.command: required when preset is custom'],
    [{ preset: 'custom' as const, command: '  ' }, 'loop.agent.command: empty command'],
    [{ preset: 'custom' as const, command: 'a "b' }, 'loop.agent.command: unterminated quote'],
  ])('refuses a bad custom agent %j', (spec, message) => {
    expect(() => resolveAgentBackend(spec, 'loop.agent')).toThrow(message);
  });
});

describe('splitCommandTemplate', () => {
  it.each([
    ['a b  c', ['a', 'b', 'c']],
    [`a "b c" 'd e'`, ['a', 'b c', 'd e']],
    [`a "x\\"y" b\\ c ""`, ['a', 'x"y', 'b c', '']],
    ['', []],
    ["'open", null],
  ])('splits %s', (template, words) => {
    expect(splitCommandTemplate(template)).toEqual(words);
  });
});
