import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { REPOSITORY_ROOT } from '../harness/engine-process';
import { readPackFolder } from '../../src/packs/format/read-pack-folder';
import { sha256 } from '../../src/packs/format/sha256';
import { writePackArchive } from '../../src/packs/format/tar-archive';

/** The built-in repair pack's files, to edit into test variants. */
export function repairPackFiles(): Map<string, Buffer> {
  return readPackFolder(path.join(REPOSITORY_ROOT, 'templates', 'repair'));
}

export function readJson(files: Map<string, Buffer>, file: string): any {
  return JSON.parse((files.get(file) ?? Buffer.from('null')).toString('utf8'));
}

export function writeJson(files: Map<string, Buffer>, file: string, value: unknown): void {
  files.set(file, Buffer.from(`${JSON.stringify(value, null, 2)}\n`));
}

/** Rewrites pack.json (with `changes`) and its checksums so that only the change under test is wrong. */
export function reseal(files: Map<string, Buffer>, changes: Record<string, unknown> = {}): Map<string, Buffer> {
  const manifest = { ...readJson(files, 'pack.json'), ...changes };
  const contents: Record<string, string> = {};
  for (const file of [...files.keys()].sort()) if (file !== 'pack.json') contents[file] = sha256(files.get(file) ?? Buffer.alloc(0));
  writeJson(files, 'pack.json', { ...manifest, contents });
  return files;
}

export function archiveOf(files: Map<string, Buffer>): Buffer {
  return writePackArchive(files);
}

/** The archive with one entry's tar header rewritten (name and/or type), checksum fixed: what a hostile tool could write. */
export function withTamperedEntry(archive: Buffer, entry: string, change: { name?: string; type?: string; linkTarget?: string }): Buffer {
  const tar = Buffer.from(gunzipSync(archive));
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    if ((prefix ? `${prefix}/${name}` : name) === entry) {
      if (change.name !== undefined) {
        header.fill(0, 0, 100);
        header.fill(0, 345, 500);
        header.write(change.name, 0, 100, 'utf8');
      }
      if (change.type !== undefined) header.write(change.type, 156, 'ascii');
      if (change.linkTarget !== undefined) header.write(change.linkTarget, 157, 100, 'utf8');
      header.write('        ', 148, 'ascii');
      const sum = header.reduce((total, byte) => total + byte, 0);
      header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
      return gzipSync(tar);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`no entry ${entry}`);
}
