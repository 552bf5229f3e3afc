import { describe, expect, it } from 'vitest';
import { formatYuan, moneyUnitForSchemaType, storedToYuan, yuanToStored } from './money';

describe('money widget values', () => {
  it('stores integer fen for integer schemas and yuan for number schemas', () => {
    expect(moneyUnitForSchemaType('integer')).toBe('fen');
    expect(moneyUnitForSchemaType('number')).toBe('yuan');
    expect(yuanToStored(2000.5, 'fen')).toBe(200050);
    expect(yuanToStored(0.1 + 0.2, 'yuan')).toBe(0.3);
    expect(storedToYuan(200050, 'fen')).toBe(2000.5);
    expect(storedToYuan('x', 'fen')).toBeNull();
    expect(yuanToStored(null, 'fen')).toBeUndefined();
  });
  it('formats yuan with thousands separators', () => {
    expect(formatYuan(5000)).toBe('¥5,000.00');
    expect(formatYuan(-12.3)).toBe('-¥12.30');
  });
});
