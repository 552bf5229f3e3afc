import { describe, expect, it } from 'vitest';
import { belowTarget } from './satisfaction-target';

describe('the satisfaction target', () => {
  it("marks an average under the estate's target, not one at it, and not a period nobody rated", () => {
    expect(belowTarget(4.1, 4.2)).toBe(true);
    expect(belowTarget(4.2, 4.2)).toBe(false);
    expect(belowTarget(4.4, 4.5)).toBe(true);
    expect(belowTarget(4.8, 4.2)).toBe(false);
    expect(belowTarget(null, 4.2)).toBe(false);
  });

  it('marks nothing when the estates of a report aim for different targets', () => {
    expect(belowTarget(3.0, null)).toBe(false);
  });
});
