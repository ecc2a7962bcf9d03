import { describe, expect, it } from 'vitest';
import { formatWorkflowCommand } from './format-workflow-command';

describe('formatWorkflowCommand', () => {
  it('escapes the data as @actions/core does, so it stays one command line', () => {
    expect(formatWorkflowCommand('error', 'rc: 100% bad\r\nnext')).toBe(
      '::error::rc: 100%25 bad%0D%0Anext\n',
    );
  });
});
