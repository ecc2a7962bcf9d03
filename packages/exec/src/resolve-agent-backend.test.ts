import { describe, expect, it } from 'vitest';
import { buildAgentInvocation, resolveAgentBackend } from './resolve-agent-backend';

describe('resolveAgentBackend', () => {
  it.each([
    ['codex', 'read-only', ['-s', 'read-only']],
    ['codex', 'edit', ['-s', 'workspace-write']],
    ['codex', 'full', ['-s', 'danger-full-access']],
    ['claude', 'read-only', ['--permission-mode', 'dontAsk']],
    ['claude', 'edit', ['--permission-mode', 'acceptEdits']],
    ['claude', 'full', ['--permission-mode', 'bypassPermissions']],
    ['gemini', 'read-only', ['--approval-mode', 'default']],
    ['gemini', 'edit', ['--approval-mode', 'auto_edit']],
    ['gemini', 'full', ['--approval-mode', 'yolo']],
  ] as const)('gives %s %s the flags %j', (preset, permissions, flags) => {
    const backend = resolveAgentBackend({ preset, permissions });
    expect(backend.permissions).toBe(permissions);
    expect(backend.prompt).toBe('stdin');
    const at = backend.args.indexOf(flags[0]);
    expect(backend.args.slice(at, at + 2)).toEqual(flags);
  });

  it('runs each preset unattended with structured output, prompt on stdin', () => {
    expect(resolveAgentBackend({})).toEqual({
      preset: 'codex',
      command: 'codex',
      args: [
        'exec',
        '--json',
        '--color',
        'never',
        '--skip-git-repo-check',
        '-c',
        'approval_policy="never"',
        '-s',
        'workspace-write',
        '-',
      ],
      prompt: 'stdin',
      output: 'codex-json',
      permissions: 'edit',
    });
    expect(resolveAgentBackend({ preset: 'claude' }).args).toEqual([
      '-p',
      '--output-format',
      'stream-json',
      '--verbose',
      '--permission-mode',
      'acceptEdits',
    ]);
    expect(resolveAgentBackend({ preset: 'gemini' }).args).toEqual([
      '--output-format',
      'stream-json',
      '--skip-trust',
      '--approval-mode',
      'auto_edit',
    ]);
  });

  it('lets a preset name another executable', () => {
    const backend = resolveAgentBackend({ preset: 'claude', command: '/opt/claude' });
    expect(backend.command).toBe('/opt/claude');
    expect(backend.output).toBe('claude-stream-json');
  });

  it('passes the prompt as a file when a custom template names {prompt_file}', () => {
    const backend = resolveAgentBackend({
      preset: 'custom',
      command: 'my-agent --prompt {prompt_file}',
    });
    expect(backend).toEqual({
      preset: 'custom',
      command: 'my-agent',
      args: ['--prompt', '{prompt_file}'],
      prompt: 'file',
      output: 'text',
      permissions: 'edit',
    });
    expect(buildAgentInvocation(backend, '/p/main.md')).toEqual({
      file: 'my-agent',
      args: ['--prompt', '/p/main.md'],
      stdinFile: null,
    });
  });

  it('pipes the prompt when a custom template has no placeholder', () => {
    const backend = resolveAgentBackend({ preset: 'custom', command: "node 'my agent.mjs' -q" });
    expect(backend).toMatchObject({
      command: 'node',
      args: ['my agent.mjs', '-q'],
      prompt: 'stdin',
    });
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
