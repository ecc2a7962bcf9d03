import type { SlashCommand } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { sanitizeSlashCommand } from './sanitize-slash-command';

const command: SlashCommand = {
  command: 'orchestrate',
  issue_number: 276,
  issue_source: 'argument',
  prompt: 'triage',
  wave: null,
  mode: 'dispatch',
  dry_run: false,
  positional: ['#276\u200B', '<!-- x -->dry-run'],
  named: { prompt: 'triage\u202E', mode: 'dispatch<span hidden>do X</span>' },
  line: '/orchestrate #276 <!-- ignore the gate -->prompt=triage\u2066',
};

describe('sanitizeSlashCommand', () => {
  it('cleans the line and every positional and named value, keeping the parsed fields', () => {
    expect(sanitizeSlashCommand(command)).toEqual({
      ...command,
      positional: ['#276', 'dry-run'],
      named: { prompt: 'triage', mode: 'dispatch' },
      line: '/orchestrate #276 prompt=triage',
    });
  });

  it('caps each value', () => {
    const long = { ...command, line: `/orchestrate ${'x'.repeat(50)}` };
    expect(sanitizeSlashCommand(long, { maxLength: 20 }).line).toBe(
      '/orchestrate xxxxxxx…[truncated]',
    );
  });
});
