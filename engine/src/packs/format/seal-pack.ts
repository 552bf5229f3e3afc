import fs from 'node:fs';
import path from 'node:path';
import { isRecord } from './is-record';
import { MANIFEST_FILE } from './pack-files';
import { PackError } from './pack-problem';
import { readPackFolder } from './read-pack-folder';
import { sha256 } from './sha256';
import { packJsonText } from './workflow-layout';

/**
 * Rewrites pack.json's `contents` with the checksum of every file of the folder (the step after
 * editing a pack by hand). Returns how many files it lists.
 */
export function sealPackFolder(dir: string): number {
  const files = readPackFolder(dir);
  const manifestBytes = files.get(MANIFEST_FILE);
  if (manifestBytes === undefined)
    throw new PackError([{ file: MANIFEST_FILE, path: '', reason: 'missing: every pack starts with pack.json' }]);
  const manifest: unknown = JSON.parse(manifestBytes.toString('utf8'));
  if (!isRecord(manifest)) throw new PackError([{ file: MANIFEST_FILE, path: '', reason: 'must be a JSON object' }]);
  const contents: Record<string, string> = {};
  for (const file of [...files.keys()].sort()) if (file !== MANIFEST_FILE) contents[file] = sha256(files.get(file) ?? Buffer.alloc(0));
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), packJsonText({ ...manifest, contents }));
  return Object.keys(contents).length;
}
