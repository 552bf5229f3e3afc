import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber } from './id-number';

describe('resident ID number check digit (GB 11643)', () => {
  it('accepts the standard sample with an X check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('accepts a number with a digit check character', () => {
    expect(idNumberCheckChar('44030419900307001')).toBe('8');
    expect(isValidIdNumber('440304199003070018')).toBe(true);
  });

  it('rejects a mistyped digit, a wrong length and an impossible birth date', () => {
    expect(isValidIdNumber('11010519491231003X')).toBe(false);
    expect(isValidIdNumber('440304199003070019')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    const feb30 = '11010519900230001';
    expect(isValidIdNumber(`${feb30}${idNumberCheckChar(feb30)}`)).toBe(false);
    expect(idNumberCheckChar('1234')).toBeNull();
  });
});
