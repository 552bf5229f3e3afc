import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from './personal-numbers.js';

const kinds = (text: string) => findPersonalNumbers(text).map(({ kind, normalised }) => `${kind}:${normalised}`);

describe('findPersonalNumbers', () => {
  it('finds mobile numbers however they are typed, with where they are', () => {
    const text = '楼上漏水，请联系13812345678或 +86 139-0013-9000，晚上打 158 0000 1111。';
    expect(kinds(text)).toEqual(['phone:13812345678', 'phone:13900139000', 'phone:15800001111']);
    const [first] = findPersonalNumbers(text);
    expect(text.slice(first?.start, first?.end)).toBe('13812345678');
    expect(text.slice(findPersonalNumbers(text)[1]?.start, findPersonalNumbers(text)[1]?.end)).toBe('+86 139-0013-9000');
  });

  it('finds ID numbers that pass their check character, and not the phone-like digits inside them', () => {
    expect(kinds('工人身份证 11010519491231002x，另一位 110101 19900307 1234')).toEqual(['idNumber:11010519491231002X']);
    // A wrong check character: not an ID number, and its digits are not a phone either.
    expect(kinds('编号 110105194912310021')).toEqual([]);
  });

  it('finds landlines written with their area code set apart', () => {
    expect(kinds('座机 0755-8888 1234，或 (010)62345678，或 021 5432 1098')).toEqual([
      'phone:075588881234',
      'phone:01062345678',
      'phone:02154321098',
    ]);
    // A leading 0 without a separator is more often an order number; a local number never starts with 0 or 1.
    expect(kinds('单号 075588881234，区号后 0755-0888123')).toEqual([]);
  });

  it('leaves order numbers, amounts and dates alone (a number after letters, like a WeChat id, still counts)', () => {
    expect(kinds('订单号2138123456789，金额 13812.50 元，日期 2026-11-22，编号WX13812345678')).toEqual(['phone:13812345678']);
    expect(kinds('单号 12812345678 不是手机号')).toEqual([]);
    expect(kinds('')).toEqual([]);
  });
});
