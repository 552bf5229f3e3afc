// Checks a picked file before any byte is uploaded, and plans the canvas compression of photos.

export type FileRules = { accept: string; maxSizeMB: number; maxFiles: number };

export const defaultFileRules: FileRules = { accept: 'image/*,application/pdf', maxSizeMB: 10, maxFiles: 9 };

export type FileProblem = { kind: 'tooLarge' | 'typeNotAllowed'; name: string };

/** `accept` as in <input accept>: "image/*,application/pdf,.dwg". */
export function matchesAccept(file: { name: string; type: string }, accept: string): boolean {
  const patterns = accept
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  if (patterns.length === 0) return true;
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return patterns.some((pattern) => {
    if (pattern.startsWith('.')) return name.endsWith(pattern);
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
    return type === pattern;
  });
}

export function checkFile(file: { name: string; type: string; size: number }, rules: FileRules): FileProblem | null {
  if (!matchesAccept(file, rules.accept)) return { kind: 'typeNotAllowed', name: file.name };
  if (file.size > rules.maxSizeMB * 1024 * 1024) return { kind: 'tooLarge', name: file.name };
  return null;
}

/** Phone photos are 3–12 MB; 1600 px on the long side at JPEG 0.8 keeps detail at ~300 KB. */
export const compressionTarget = { maxDimension: 1600, quality: 0.8, skipBelowBytes: 400 * 1024 };

export function shouldCompress(file: { type: string; size: number }): boolean {
  return /^image\/(jpeg|png|webp|heic|heif)$/i.test(file.type) && file.size > compressionTarget.skipBelowBytes;
}

/** Scaled size that fits `maxDimension` on the long side, never enlarging. */
export function scaledSize(width: number, height: number, maxDimension: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxDimension || longest === 0) return { width, height };
  const ratio = maxDimension / longest;
  return { width: Math.round(width * ratio), height: Math.round(height * ratio) };
}

/** "broken.jpeg" → "broken.jpg" when compressed to JPEG. */
export function jpegFileName(name: string): string {
  const base = name.replace(/\.[^./\\]+$/, '');
  return `${base || 'photo'}.jpg`;
}
