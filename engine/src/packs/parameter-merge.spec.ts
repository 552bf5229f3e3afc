import { describe, expect, it } from 'vitest';
import { mergeParameters } from './parameter-merge';

const schema = (defaults: Record<string, unknown>) => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, { type: 'integer', default: value }])),
});

describe('upgrading an estate’s parameters from v1 to v2', () => {
  it('keeps the estate’s own values, follows new defaults where it had none, and flags both-changed values', () => {
    const merge = mergeParameters({
      baseSchema: schema({ autoConfirmHours: 72, respondMinutes: 30, acceptMinutes: 10, dropped: 1 }),
      nextSchema: schema({ autoConfirmHours: 48, respondMinutes: 30, acceptMinutes: 15, reworkLimit: 2 }),
      estateValues: { respondMinutes: 20, acceptMinutes: 12, dropped: 5 },
    });
    expect(merge.values).toEqual({ respondMinutes: 20, acceptMinutes: 12 });
    const outcome = Object.fromEntries(merge.changes.map((change) => [change.name, change.outcome]));
    expect(outcome).toEqual({
      autoConfirmHours: 'default',
      respondMinutes: 'kept',
      acceptMinutes: 'conflict',
      reworkLimit: 'added',
      dropped: 'removed',
    });
    expect(merge.conflicts).toEqual([{ name: 'acceptMinutes', outcome: 'conflict', base: 10, estate: 12, next: 15 }]);
  });

  it('is no conflict when the estate already chose what v2 now defaults to', () => {
    const merge = mergeParameters({ baseSchema: schema({ a: 1 }), nextSchema: schema({ a: 2 }), estateValues: { a: 2 } });
    expect(merge.conflicts).toEqual([]);
    expect(merge.values).toEqual({ a: 2 });
  });
});
