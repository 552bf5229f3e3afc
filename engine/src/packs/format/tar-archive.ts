import { gunzipSync, gzipSync } from 'node:zlib';
import { PackError, type PackProblem } from './pack-problem';
import { PACK_LIMITS } from './pack-limits';
import { unsafeEntryReason, type PackFiles } from './pack-files';

// A pack archive is a gzipped POSIX tar (ustar). Written here and read here, with no tar
// library, so that every entry passes one gate: regular files and directories only (links,
// devices and FIFOs are refused), safe relative names, bounded counts and sizes. GNU long
// names ("L") and pax "path" records are read so that archives made by `tar czf` work too.

const BLOCK = 512;

/** A .tgz of the files, in name order, with fixed metadata so the same files give the same bytes. */
export function writePackArchive(files: PackFiles): Buffer {
  const blocks: Buffer[] = [];
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name) ?? Buffer.alloc(0);
    if (splitName(name) === null) {
      // Too long for ustar's 100 + 155 bytes: a GNU long-name entry carries it (GNU tar and ours read it).
      const longName = Buffer.from(`${name}\0`, 'utf8');
      blocks.push(tarHeader({ name: '././@LongLink', size: longName.length, type: 'L' }), longName, padding(longName.length));
    }
    blocks.push(tarHeader({ name, size: content.length, type: '0' }), content, padding(content.length));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

function tarHeader(entry: { name: string; size: number; type: '0' | 'L' }): Buffer {
  const header = Buffer.alloc(BLOCK);
  const { prefix, name } = splitName(entry.name) ?? { prefix: '', name: entry.name.slice(0, 100) };
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100, 'ascii');
  header.write('0000000\0', 108, 'ascii');
  header.write('0000000\0', 116, 'ascii');
  header.write(`${entry.size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.write('00000000000\0', 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(entry.type, 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

function splitName(full: string): { prefix: string; name: string } | null {
  if (Buffer.byteLength(full) <= 100) return { prefix: '', name: full };
  const cut = full.lastIndexOf('/', full.length - 1);
  for (let index = cut; index > 0; index = full.lastIndexOf('/', index - 1)) {
    const prefix = full.slice(0, index);
    const name = full.slice(index + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  return null;
}

/** The files of a .tgz pack archive. Throws PackError naming every refused entry. */
export function readPackArchive(archive: Buffer): Map<string, Buffer> {
  const problems: PackProblem[] = [];
  const refuse = (file: string, reason: string): never => {
    problems.push({ file, path: '', reason });
    throw new PackError(problems);
  };
  if (archive.length > PACK_LIMITS.maxArchiveBytes) refuse('(archive)', `archive larger than ${PACK_LIMITS.maxArchiveBytes} bytes`);
  let tar: Buffer = Buffer.alloc(0);
  try {
    tar = gunzipSync(archive, { maxOutputLength: PACK_LIMITS.maxTotalBytes + PACK_LIMITS.maxEntries * BLOCK * 3 });
  } catch (error: unknown) {
    const tooBig = error instanceof RangeError || (error instanceof Error && /maxOutputLength|buffer/i.test(error.message));
    refuse(
      '(archive)',
      tooBig ? `archive unpacks to more than ${PACK_LIMITS.maxTotalBytes} bytes` : 'not a gzip-compressed tar archive (.tgz)',
    );
  }
  const files = new Map<string, Buffer>();
  let offset = 0;
  let total = 0;
  let entries = 0;
  let pendingName: string | null = null;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if (!checksumMatches(header)) refuse('(archive)', `corrupt tar header at byte ${offset}`);
    entries += 1;
    if (entries > PACK_LIMITS.maxEntries) refuse('(archive)', `more than ${PACK_LIMITS.maxEntries} entries`);
    const size = parseOctal(header.subarray(124, 136));
    if (size === null) refuse('(archive)', `unreadable entry size at byte ${offset}`);
    const entrySize = size ?? 0;
    const type = String.fromCharCode(header[156] ?? 0);
    const bodyStart = offset + BLOCK;
    const bodyEnd = bodyStart + entrySize;
    if (bodyEnd > tar.length) refuse('(archive)', 'archive ends inside an entry');
    const body = tar.subarray(bodyStart, bodyEnd);
    offset = bodyStart + Math.ceil(entrySize / BLOCK) * BLOCK;
    const headerName = readString(header.subarray(0, 100));
    const prefix = readString(header.subarray(345, 500));
    const name = pendingName ?? (prefix ? `${prefix}/${headerName}` : headerName);
    switch (type) {
      case 'L':
        pendingName = readString(body);
        continue;
      case 'x':
        pendingName = paxPath(body) ?? pendingName;
        continue;
      case 'g':
        continue;
      case '5': {
        // Directories carry nothing; `tar czf x.tgz .` also writes the root itself as "./".
        pendingName = null;
        const directory = name.replace(/^(\.\/)+/, '').replace(/\/$/, '');
        const unsafeDirectory = directory === '' || directory === '.' ? null : unsafeEntryReason(directory);
        if (unsafeDirectory !== null) refuse(name, unsafeDirectory);
        continue;
      }
      case '0':
      case '\0':
        break;
      case '1':
      case '2':
        refuse(name, 'links are not allowed in a pack');
        break;
      default:
        refuse(name, `entry type "${type}" is not allowed in a pack (regular files only)`);
    }
    pendingName = null;
    const cleanName = name.replace(/^(\.\/)+/, '');
    const unsafe = unsafeEntryReason(cleanName);
    if (unsafe !== null) refuse(name, unsafe);
    if (entrySize > PACK_LIMITS.maxFileBytes) refuse(cleanName, `file larger than ${PACK_LIMITS.maxFileBytes} bytes`);
    total += entrySize;
    if (total > PACK_LIMITS.maxTotalBytes) refuse(cleanName, `archive holds more than ${PACK_LIMITS.maxTotalBytes} bytes`);
    if (files.has(cleanName)) refuse(cleanName, 'the same file appears twice in the archive');
    files.set(cleanName, Buffer.from(body));
  }
  if (files.size === 0) refuse('(archive)', 'the archive holds no files');
  return files;
}

function checksumMatches(header: Buffer): boolean {
  const stored = parseOctal(header.subarray(148, 156));
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 32 : (header[index] ?? 0);
  return stored === sum;
}

function parseOctal(field: Buffer): number | null {
  const text = readString(field).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return null;
  const value = Number.parseInt(text, 8);
  return Number.isSafeInteger(value) ? value : null;
}

function readString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function paxPath(body: Buffer): string | null {
  for (const line of body.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}
