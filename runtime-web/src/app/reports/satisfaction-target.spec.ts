import { describe, expect, it } from 'vitest';
import { belowTarget } from './satisfaction-target';

describe('the satisfaction target', () => {
  it('marks an average under 4.2, not one at it, and not a period nobody rated', () => {
    expect(belowTarget(4.1)).toBe(true);
    expect(belowTarget(4.2)).toBe(false);
    expect(belowTarget(4.8)).toBe(false);
    expect(belowTarget(null)).toBe(false);
  });
});
