/** The upload types EstateFlow accepts: photos from phones (HEIC from iPhones) and drawings as PDF. */
export type AcceptedContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/** The four ASCII characters at `offset` (box and chunk names in RIFF and ISO-BMFF files). */
function fourCc(bytes: Uint8Array, offset: number): string {
  return bytes.length >= offset + 4 ? String.fromCharCode(...bytes.subarray(offset, offset + 4)) : '';
}

/**
 * The type of a file judged by its first bytes (magic numbers), never by its name or the type
 * the browser claimed. Null for anything not accepted (RELIABILITY 15).
 */
export function detectContentType(bytes: Uint8Array): AcceptedContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (fourCc(bytes, 0) === 'RIFF' && fourCc(bytes, 8) === 'WEBP') return 'image/webp';
  if (fourCc(bytes, 4) === 'ftyp' && HEIF_BRANDS.has(fourCc(bytes, 8))) return 'image/heic';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}
