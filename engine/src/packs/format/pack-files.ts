import { PACK_LIMITS } from './pack-limits';

/** A pack's files by relative path ("workflows/repair/definition.json"), as bytes. */
export type PackFiles = ReadonlyMap<string, Buffer>;

export const MANIFEST_FILE = 'pack.json';

const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * Why an entry name may not be part of a pack, or null when it may: no absolute paths, no
 * drive letters or backslashes, no "." or ".." segments, only plain characters.
 */
export function unsafeEntryReason(name: string): string | null {
  if (name.length === 0) return 'empty file name';
  if (name.length > PACK_LIMITS.maxPathLength) return `file name longer than ${PACK_LIMITS.maxPathLength} characters`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.includes('\\')) return 'backslash in file name';
  if (name.includes('\0')) return 'NUL in file name';
  const segments = name.split('/');
  if (segments.some((segment) => segment === '..')) return 'path reaches outside the pack ("..")';
  if (segments.some((segment) => segment === '.' || segment === '')) return 'empty or "." path segment';
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment)))
    return 'file name with characters other than letters, digits, ".", "_" and "-"';
  return null;
}
