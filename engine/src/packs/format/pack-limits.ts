// What a pack may hold. Generous for real packs (the five built-ins are ~0.3 MB in ~250 files);
// small enough that a hostile archive is refused before it costs memory or time.
export const PACK_LIMITS = {
  maxEntries: 2000,
  maxFileBytes: 2 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxArchiveBytes: 16 * 1024 * 1024,
  maxPathLength: 300,
};
