import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer';

function recordingCoalescer(answer: (group: string, items: number[]) => Promise<string[]>) {
  const batches: { group: string; items: number[] }[] = [];
  const coalescer = new Coalescer<number, string>((group, items) => {
    batches.push({ group, items: [...items] });
    return answer(group, items);
  });
  return { coalescer, batches };
}

const echo = async (group: string, items: number[]) => items.map((item) => `${group}:${item}`);

describe('Coalescer', () => {
  it('serves the requests of one turn with one batch per group, each caller getting its own value', async () => {
    const { coalescer, batches } = recordingCoalescer(echo);
    const values = await Promise.all([coalescer.load('a', 1), coalescer.load('b', 2), coalescer.load('a', 3)]);
    expect(values).toEqual(['a:1', 'b:2', 'a:3']);
    expect(batches).toEqual([
      { group: 'a', items: [1, 3] },
      { group: 'b', items: [2] },
    ]);
  });

  it('serves a lone request in the turn it was made, and a later one in a batch of its own', async () => {
    const { coalescer, batches } = recordingCoalescer(echo);
    expect(await coalescer.load('a', 1)).toBe('a:1');
    expect(await coalescer.load('a', 2)).toBe('a:2');
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2]]);
  });

  it('rejects the requests of a failed batch, and only those', async () => {
    const { coalescer } = recordingCoalescer(async (group, items) => {
      if (group === 'broken') throw new Error('database unreachable');
      return echo(group, items);
    });
    const results = await Promise.allSettled([coalescer.load('broken', 1), coalescer.load('fine', 2), coalescer.load('broken', 3)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect(results[0]).toMatchObject({ reason: new Error('database unreachable') });
  });

  it('rejects a batch that answers a different number of items', async () => {
    const { coalescer } = recordingCoalescer(async () => ['only one']);
    await expect(Promise.all([coalescer.load('a', 1), coalescer.load('a', 2)])).rejects.toThrow('A batch of 2 items returned 1 values.');
  });
});
