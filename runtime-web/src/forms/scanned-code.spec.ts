import { describe, expect, it } from 'vitest';
import { scannedCode } from './scanned-code';

describe('a scanned QR label', () => {
  it('is the code itself, or the code of the check-in link a checkpoint label holds', () => {
    expect(scannedCode(' fire-pump ')).toBe('FIRE-PUMP');
    expect(scannedCode('https://wuye.example.cn/app/checkpoint/FIRE-PUMP?estate=5f0c')).toBe('FIRE-PUMP');
    expect(scannedCode('http://localhost:3000/app/checkpoint/roof%2Dtank/')).toBe('ROOF-TANK');
  });

  it('leaves other links as they are (the field then says the code is not valid)', () => {
    expect(scannedCode('https://example.cn/promo')).toBe('HTTPS://EXAMPLE.CN/PROMO');
  });
});
