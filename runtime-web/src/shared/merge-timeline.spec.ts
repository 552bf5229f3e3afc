import { describe, expect, it } from 'vitest';
import type { Instance, TimelineEntry } from '../api/types';
import { mergeTimeline } from './merge-timeline';

function entry(seq: number): TimelineEntry {
  return {
    seq,
    type: seq === 1 ? 'start' : 'REASSIGN',
    label: String(seq),
    actor: { kind: 'staff', name: '李前台' },
    at: '2026-11-22T03:00:00Z',
  };
}

function instance(id: string, seqs: number[]): Instance {
  // Only the fields mergeTimeline reads matter here; the rest of an Instance is passed through.
  return { id, timeline: seqs.map(entry) } as unknown as Instance;
}

describe('mergeTimeline', () => {
  it('keeps the entries the page showed before the window the reply carries', () => {
    const merged = mergeTimeline(instance('a', [1, 2, 3, 4]), instance('a', [3, 4, 5]));
    expect(merged.timeline.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes the reply as it is when it already starts at the beginning', () => {
    const next = instance('a', [1, 2, 3]);
    expect(mergeTimeline(instance('a', [1, 2]), next)).toBe(next);
  });

  it('never mixes two instances', () => {
    const next = instance('b', [7, 8]);
    expect(mergeTimeline(instance('a', [1, 2, 3, 4, 5, 6]), next)).toBe(next);
  });
});
