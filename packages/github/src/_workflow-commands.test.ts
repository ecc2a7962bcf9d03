import { describe, expect, it } from 'vitest';
import { formatAddMask, formatFileCommand } from './_workflow-commands';

describe('formatFileCommand', () => {
  it('picks another delimiter when the value contains the first one', () => {
    const ids = ['aaa', 'bbb'];
    const entry = formatFileCommand('out', 'x ghadelimiter_aaa y', () => ids.shift() ?? 'ccc');
    expect(entry).toBe('out<<ghadelimiter_bbb\nx ghadelimiter_aaa y\nghadelimiter_bbb\n');
  });
});

describe('formatAddMask', () => {
  it('writes nothing for an empty secret', () => {
    expect(formatAddMask('')).toBe('');
  });

  it('masks CRLF-separated lines separately', () => {
    expect(formatAddMask('a\r\nb')).toBe('::add-mask::a%0D%0Ab\n::add-mask::a\n::add-mask::b\n');
  });
});
