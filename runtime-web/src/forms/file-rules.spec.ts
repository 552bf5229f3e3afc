import { describe, expect, it } from 'vitest';
import { checkFile, jpegFileName, matchesAccept, scaledSize, shouldCompress } from './file-rules';

describe('upload checks before any byte leaves the phone', () => {
  const rules = { accept: 'image/*,application/pdf,.dwg', maxSizeMB: 10, maxFiles: 9 };
  it('matches accept patterns by type and extension', () => {
    expect(matchesAccept({ name: 'a.jpg', type: 'image/jpeg' }, rules.accept)).toBe(true);
    expect(matchesAccept({ name: 'plan.DWG', type: '' }, rules.accept)).toBe(true);
    expect(matchesAccept({ name: 'x.exe', type: 'application/x-msdownload' }, rules.accept)).toBe(false);
  });
  it('refuses files too large or of the wrong type', () => {
    expect(checkFile({ name: 'big.jpg', type: 'image/jpeg', size: 11 * 1024 * 1024 }, rules)).toEqual({
      kind: 'tooLarge',
      name: 'big.jpg',
    });
    expect(checkFile({ name: 'x.exe', type: 'application/x-msdownload', size: 10 }, rules)).toEqual({
      kind: 'typeNotAllowed',
      name: 'x.exe',
    });
    expect(checkFile({ name: 'ok.pdf', type: 'application/pdf', size: 10 }, rules)).toBeNull();
  });
  it('plans compression for large photos only, never enlarging', () => {
    expect(shouldCompress({ type: 'image/jpeg', size: 4_000_000 })).toBe(true);
    expect(shouldCompress({ type: 'image/jpeg', size: 100_000 })).toBe(false);
    expect(shouldCompress({ type: 'application/pdf', size: 4_000_000 })).toBe(false);
    expect(scaledSize(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(jpegFileName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
  });
});
