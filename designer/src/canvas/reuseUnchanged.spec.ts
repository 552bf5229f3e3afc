import { describe, expect, it } from 'vitest';
import { reuseUnchanged } from './reuseUnchanged';

describe('keeping unchanged canvas elements', () => {
  it('returns the previous objects for elements that are equal, new ones for those that changed', () => {
    const previous = [
      { id: 'a', position: { x: 0, y: 0 }, data: { label: 'A', selected: false } },
      { id: 'b', position: { x: 10, y: 0 }, data: { label: 'B', selected: false } },
    ];
    const next = [
      { id: 'a', position: { x: 0, y: 0 }, data: { label: 'A', selected: false } },
      { id: 'b', position: { x: 10, y: 0 }, data: { label: 'B', selected: true } },
    ];
    const result = reuseUnchanged(previous, next);
    expect(result[0]).toBe(previous[0]);
    expect(result[1]).toBe(next[1]);
  });
});
