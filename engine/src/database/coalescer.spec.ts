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

describe('Coalescer with a bound on batches in flight', () => {
  it('holds the requests made while the bound is reached, and sends them together when a batch comes back', async () => {
    let release: () => void = () => undefined;
    const firstBack = new Promise<void>((resolve) => (release = resolve));
    const batches: number[][] = [];
    const coalescer = new Coalescer<number, number>(async (_group, items) => {
      batches.push([...items]);
      if (batches.length === 1) await firstBack;
      return items.map((item) => item * 10);
    }, 1);
    const first = coalescer.load('a', 1);
    await new Promise((resolve) => setImmediate(resolve)); // the first batch is out
    const later = [coalescer.load('a', 2), coalescer.load('a', 3)];
    await new Promise((resolve) => setImmediate(resolve));
    const another = coalescer.load('a', 4);
    await new Promise((resolve) => setImmediate(resolve));
    const otherGroup = coalescer.load('b', 5); // another group is not held
    expect(await otherGroup).toBe(50);
    expect(batches).toEqual([[1], [5]]);
    release();
    expect(await Promise.all([first, ...later, another])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [5], [2, 3, 4]]);
  });

  it('sends the held requests even when the batch in flight failed', async () => {
    let calls = 0;
    const coalescer = new Coalescer<number, number>(async (_group, items) => {
      calls++;
      if (calls === 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new Error('lost connection');
      }
      return items;
    }, 1);
    const failed = coalescer.load('a', 1);
    await new Promise((resolve) => setImmediate(resolve));
    const held = coalescer.load('a', 2);
    await expect(failed).rejects.toThrow('lost connection');
    expect(await held).toBe(2);
  });
});
