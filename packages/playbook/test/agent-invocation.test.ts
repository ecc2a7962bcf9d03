import { describe, expect, it } from 'vitest';
import { presetBackend } from '@rc/exec';
import { agentInvocation, agentTitle, parseAgentOption } from '../src/agent-invocation';
import { renderExecutionCard } from '../src/render-execution-card';
import { task } from './_tasks';

describe('agentInvocation', () => {
  it.each([
    // Presets run with @rc/exec's `edit` permission flags (the playbook's agents change files).
    [
      'codex',
      { file: 'codex', args: [...presetBackend('codex', 'edit').args], stdinFile: '/c.md' },
    ],
    [
      'claude',
      { file: 'claude', args: [...presetBackend('claude', 'edit').args], stdinFile: '/c.md' },
    ],
    [
      'gemini',
      { file: 'gemini', args: [...presetBackend('gemini', 'edit').args], stdinFile: '/c.md' },
    ],
    ['./my-agent --fast', { file: './my-agent', args: ['--fast'], stdinFile: '/c.md' }],
    [
      "my-agent --card {prompt_file} 'two words'",
      { file: 'my-agent', args: ['--card', '/c.md', 'two words'], stdinFile: null },
    ],
  ])('starts %s through @rc/exec', (option, expected) => {
    expect(agentInvocation(parseAgentOption(option), '/c.md')).toEqual(expected);
  });

  it('keeps a preset on its own executable even when a command is configured', () => {
    expect(agentInvocation({ preset: 'claude', command: 'ignored' }, '/c.md').file).toBe('claude');
  });

  it('needs a usable command for the custom preset', () => {
    expect(() => agentInvocation({ preset: 'custom', command: null }, '/c.md')).toThrow(
      'playbook.agent.command: required',
    );
    expect(() => agentInvocation({ preset: 'custom', command: "x 'open" }, '/c.md')).toThrow(
      'playbook.agent.command: unterminated quote',
    );
  });
});

describe('agentTitle', () => {
  it.each([
    [{ preset: 'codex', command: null }, 'Codex'],
    [{ preset: 'claude', command: null }, 'Claude'],
    [{ preset: 'gemini', command: null }, 'Gemini'],
    [{ preset: 'custom', command: '/opt/bin/my-agent --prompt {prompt_file}' }, 'my-agent'],
    [{ preset: 'custom', command: null }, 'Agent'],
  ] as const)('names the card for %j as %s', (agent, title) => {
    expect(agentTitle(agent)).toBe(title);
  });
  it('titles a card without an agent "Agent"', () => {
    const card = renderExecutionCard({ task: task('T', ['a/']), prohibited: [], branch: 'rc/T' });
    expect(card.split('\n')[0]).toBe('## Agent Execution Card: T');
  });
});

describe('renderExecutionCard', () => {
  it('fills the seed template', () => {
    const card = renderExecutionCard({
      task: task('T', ['src/a/'], [], { checks: ['npm test'] }),
      prohibited: ['src/b/'],
      branch: 'rc/T',
      agent: 'Codex',
    });
    expect(card).toContain(
      '## Codex Execution Card: T\n- Skill: development-implementer\n- Goal: do T\n- Allowed Scope:\n  - Files/paths:\n    - src/a/\n  - Prohibited areas:\n    - src/b/',
    );
    expect(card).toContain('- Tests/checks to run:\n    - npm test');
    expect(card).toContain('- Completion criteria: T done');
    const bare = renderExecutionCard({
      task: task('U', ['x/'], [], { skill: '', objective: '', done_criteria: '' }),
      prohibited: [],
      branch: 'rc/U',
    });
    expect(bare).toContain('Prohibited areas: anything outside the paths above');
    expect(bare).toContain('checks to run: none configured');
    expect(bare).toContain('(unclear');
  });
});
