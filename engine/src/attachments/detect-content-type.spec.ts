import { describe, expect, it } from 'vitest';
import { detectContentType } from './detect-content-type';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

describe('detectContentType', () => {
  it('recognises photos and drawings by their first bytes', () => {
    expect(detectContentType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(detectContentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe('image/png');
    expect(detectContentType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(detectContentType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toBe('image/heic');
    expect(detectContentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses everything else, whatever its name says', () => {
    expect(detectContentType(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectContentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectContentType(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(detectContentType(bytes([0, 0, 0, 0x18], 'ftypmp42'))).toBeNull();
    expect(detectContentType(bytes([0xff, 0xd8]))).toBeNull();
    expect(detectContentType(new Uint8Array())).toBeNull();
  });
});
