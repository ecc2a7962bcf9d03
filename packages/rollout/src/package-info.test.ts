import { describe, expect, it } from 'vitest';
import { packageInfo } from './package-info';

describe('packageInfo', () => {
  it('names the package and its layer', () => {
    expect(packageInfo).toEqual({ name: '@rc/rollout', layer: 'domain' });
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(packageInfo)).toBe(true);
  });
});
