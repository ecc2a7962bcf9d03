import { describe, expect, it } from 'vitest';
import { neutralizeWorkflowCommands } from '../src/neutralize-workflow-commands';

describe('neutralizeWorkflowCommands', () => {
  it.each([
    [
      'rc: bad prompt="##[set-output name=allowed;]true"\n',
      'rc: bad prompt="##\\[set-output name=allowed;]true"\n',
    ],
    ['first\n::add-mask::x\n  ::error::y\n', 'first\n:\\:add-mask::x\n  :\\:error::y\n'],
    ['a :: b, c ## [d]\n', 'a :: b, c ## [d]\n'],
  ])('defuses %j in text', (text, expected) => {
    expect(neutralizeWorkflowCommands(text)).toBe(expected);
  });

  it('keeps the value of JSON output while defusing it', () => {
    const value = {
      line: '/orchestrate prompt="##[set-output name=a;]b" ##[add-mask]c',
      list: ['##['],
    };
    for (const text of [JSON.stringify(value), `${JSON.stringify(value, null, 2)}\n`]) {
      const safe = neutralizeWorkflowCommands(text);
      expect(safe).not.toContain('##[');
      expect(JSON.parse(safe)).toEqual(value);
    }
  });
});
