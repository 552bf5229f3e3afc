import { describe, expect, it } from 'vitest';
import { isMobilePhone, maskIdNumber, maskPhone } from './masking';

describe('personal data masking', () => {
  it('masks a phone as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138')).toBe('138');
  });
  it('masks an ID number as 110101********1234', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
  });
  it('knows a mainland mobile number', () => {
    expect(isMobilePhone('13812345678')).toBe(true);
    expect(isMobilePhone('138 1234 5678')).toBe(true);
    expect(isMobilePhone('12812345678')).toBe(false);
    expect(isMobilePhone('1381234567')).toBe(false);
  });
});
