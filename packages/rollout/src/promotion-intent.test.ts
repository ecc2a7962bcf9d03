import { describe, expect, it } from 'vitest';
import { intentConflict, intentMode } from './promotion-intent';

describe('intentMode', () => {
  it.each([
    ['promote 1.4.0 to canary', 'apply'],
    ['Rollback: error spike', 'rollback'],
    ['release the hold', 'release'],
    ['dry-run first', 'dry_run'],
    ['weekly release train', null],
    [null, null],
  ])('reads %j as %s', (intent, mode) => {
    expect(intentMode(intent)).toBe(mode);
  });
});

describe('intentConflict', () => {
  it('names both modes when the intent contradicts the mode', () => {
    expect(intentConflict('apply', 'rollback now')).toBe(
      'intent "rollback now" asks for rollback, not apply',
    );
  });

  it.each([
    ['apply', 'promote 1.4'],
    ['dry_run', 'rollback now'],
    ['rollback', 'weekly train'],
    ['release', null],
  ] as const)('allows %s with %j', (mode, intent) => {
    expect(intentConflict(mode, intent)).toBeNull();
  });
});
