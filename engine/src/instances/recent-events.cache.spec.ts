import { describe, expect, it } from 'vitest';
import type { EventRecord } from './instance-record';
import { NOTHING_KNOWN, RecentEventsCache } from './recent-events.cache';

function entry(seq: number): EventRecord {
  return {
    seq,
    type: 'E',
    data: { data: {} },
    actorKind: 'staff',
    actorId: null,
    actorName: null,
    comment: null,
    at: '2026-11-22T08:00:00Z',
  };
}

function entries(from: number, to: number): EventRecord[] {
  return Array.from({ length: to - from + 1 }, (_, index) => entry(from + index));
}

const seqs = (list: readonly EventRecord[]) => list.map((item) => item.seq);

describe('RecentEventsCache', () => {
  it('knows nothing of an instance it has not seen: a range no seq falls in', () => {
    const cache = new RecentEventsCache(10, 3);
    expect(cache.known('a')).toBe(NOTHING_KNOWN);
    expect(NOTHING_KNOWN.first > NOTHING_KNOWN.last).toBe(true);
  });

  it('keeps the newest entries of a read and gives back the whole window from what it held and what was fetched', () => {
    const cache = new RecentEventsCache(10, 3);
    expect(seqs(cache.merge('a', NOTHING_KNOWN, entries(3, 7), { from: 3, to: 7 }))).toEqual([3, 4, 5, 6, 7]);
    const known = cache.known('a');
    expect([known.first, known.last]).toEqual([5, 7]);
    // The next read of a window 6…9 fetched only 8 and 9.
    expect(seqs(cache.merge('a', known, entries(8, 9), { from: 6, to: 9 }))).toEqual([6, 7, 8, 9]);
    expect(seqs(cache.known('a').entries)).toEqual([7, 8, 9]);
  });

  it('extends a run with an entry written next, and ignores one that would leave a gap', () => {
    const cache = new RecentEventsCache(10, 3);
    cache.written('a', entry(1)); // nothing held yet: not kept
    expect(cache.known('a')).toBe(NOTHING_KNOWN);
    cache.merge('a', NOTHING_KNOWN, entries(1, 2), { from: 1, to: 2 });
    cache.written('a', entry(3));
    expect(seqs(cache.known('a').entries)).toEqual([1, 2, 3]);
    cache.written('a', entry(5)); // 4 came from elsewhere
    expect(seqs(cache.known('a').entries)).toEqual([1, 2, 3]);
  });

  it('does not let a read that began before a write take the written entry back', () => {
    const cache = new RecentEventsCache(10, 5);
    cache.merge('a', NOTHING_KNOWN, entries(1, 2), { from: 1, to: 2 });
    const before = cache.known('a');
    cache.written('a', entry(3));
    expect(seqs(cache.merge('a', before, [], { from: 1, to: 2 }))).toEqual([1, 2]);
    expect(cache.known('a').last).toBe(3);
  });

  it('keeps nothing from a read whose entries are not consecutive', () => {
    const cache = new RecentEventsCache(10, 5);
    expect(seqs(cache.merge('a', NOTHING_KNOWN, [entry(1), entry(3)], { from: 1, to: 3 }))).toEqual([1, 3]);
    expect(cache.known('a')).toBe(NOTHING_KNOWN);
  });

  it('forgets the least recently read instance beyond its bound', () => {
    const cache = new RecentEventsCache(2, 3);
    cache.merge('a', NOTHING_KNOWN, entries(1, 1), { from: 1, to: 1 });
    cache.merge('b', NOTHING_KNOWN, entries(1, 1), { from: 1, to: 1 });
    cache.merge('a', cache.known('a'), [], { from: 1, to: 1 }); // a read again: b is now the eldest
    cache.merge('c', NOTHING_KNOWN, entries(1, 1), { from: 1, to: 1 });
    expect(cache.known('b')).toBe(NOTHING_KNOWN);
    expect(cache.known('a').last).toBe(1);
    expect(cache.known('c').last).toBe(1);
  });
});
