import { describe, expect, it } from 'vitest';
import { groupToCel, parseCel } from './guardConditions';

describe('the visual guard builder', () => {
  it('writes conditions as a CEL expression and reads them back', () => {
    const group = {
      join: 'all' as const,
      conditions: [
        { field: 'event.data.amount', operator: '<=' as const, value: 5000 },
        { field: 'data.urgency', operator: 'in' as const, value: ['urgent', 'emergency'] },
        { field: 'params.allowPhoneDispatch', operator: '==' as const, value: true },
        { field: 'data.note', operator: 'isSet' as const, value: true },
      ],
    };
    const cel = groupToCel(group);
    expect(cel).toBe(
      '(event.data.amount <= 5000) && (data.urgency in ["urgent", "emergency"]) && (params.allowPhoneDispatch == true) && (has(data.note))',
    );
    expect(parseCel(cel)).toEqual(group);
  });

  it('reads a single condition and an any-of group', () => {
    expect(parseCel('data.urgency != "emergency"')).toEqual({
      join: 'all',
      conditions: [{ field: 'data.urgency', operator: '!=', value: 'emergency' }],
    });
    expect(parseCel('data.a == 1 || data.b == "x"')?.join).toBe('any');
  });

  it('leaves expressions it did not write to the text view', () => {
    expect(parseCel('size(data.workers) > 0')).toBeNull();
    expect(parseCel('data.a == 1 && data.b == 2 || data.c == 3')).toBeNull();
  });
});
