import fs from 'node:fs';
import path from 'node:path';

/**
 * A backup is a folder (docs/backups.md):
 *   manifest.json                   this file's content, written last: a folder without it is unfinished
 *   tables/<Table>.jsonl.gz         one JSON object per row, in primary-key order (gzip): every row
 *                                   (a full backup), or those new or changed since the base (incremental)
 *   tables/<Table>.deleted.gz       incremental: the keys of the rows gone since the base
 *   tables/<Table>.index.gz         every row's key and a short hash of it, for the next incremental
 *   uploads/<key>                   the uploaded files the Attachment rows name
 */
export const BACKUP_FORMAT = 'estateflow-backup';
/** Written now; format 1 (full backups without indexes, before incremental ones) is still read. */
export const BACKUP_FORMAT_VERSION = 2;
export const MANIFEST_FILE = 'manifest.json';

/** A gzip file of lines inside the backup, with the count and sha256 of its uncompressed lines. */
export interface BackupFile {
  /** Relative to the backup folder. */
  file: string;
  rows: number;
  sha256: string;
}

export interface BackupTable {
  name: string;
  /** The rows the table held when the backup was taken. */
  rows: number;
  /** sha256 of those rows' JSON lines in key order: a restored table exported again must give the same. */
  sha256: string;
  /** The rows this backup holds: all of them (a full backup: `rows` and `sha256` again), or those new or changed since the base. */
  data: BackupFile;
  /** Incremental: the keys of the rows gone since the base. */
  deleted: BackupFile | null;
  /** Each row's key and a short hash of it, to tell what the next incremental backup must hold (null in format 1). */
  index: BackupFile | null;
}

export interface BackupSequence {
  /** Schema-qualified and quoted, as PostgreSQL names it (`public."Job_id_seq"`). */
  name: string;
  /** Null: never used. A string, because sequences count past 2^53. */
  lastValue: string | null;
}

export interface BackupUpload {
  /** The Attachment row's storage key ("ab/ab12…"). */
  key: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1 | 2;
  /** full: every row; incremental: the changes since `base`, which a restore applies on top of it. */
  kind: 'full' | 'incremental';
  /** The backup an incremental one builds on: a folder beside it. */
  base: string | null;
  createdAt: string;
  engineVersion: string;
  postgresVersion: string;
  /** The schema the rows belong to: every migration applied when the backup was taken, with its checksum. */
  migrations: { name: string; checksum: string }[];
  /** In the order a restore loads them (a row's foreign keys point to tables before it). */
  tables: BackupTable[];
  sequences: BackupSequence[];
  /** Every upload (an incremental backup holds them all too: unchanged ones are hard links). */
  uploads: BackupUpload[];
  /** Uploads an Attachment row names but the data folder did not have when the backup was taken. */
  missingUploads: string[];
  /** Ids of the data keys the backup's ciphertexts need; the keys themselves are never in a backup. */
  dataKeys: string[];
}

export class BackupFormatError extends Error {}

type Check = (value: unknown, where: string) => void;

function fail(where: string, expected: string): never {
  throw new BackupFormatError(`${MANIFEST_FILE}: ${where} must be ${expected}.`);
}

const text: Check = (value, where) => {
  if (typeof value !== 'string' || value === '') fail(where, 'a non-empty string');
};
const count: Check = (value, where) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(where, 'a whole number ≥ 0');
};
const sha256: Check = (value, where) => {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) fail(where, 'a sha256 in hex');
};
/** A path inside the backup folder: no absolute path, no "..", nothing but plain names. */
const inside: Check = (value, where) => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_]+(\/[A-Za-z0-9_.]+)*$/.test(value) || value.includes('..'))
    fail(where, 'a path inside the backup');
};

function list(value: unknown, where: string, each: (item: Record<string, unknown>, where: string) => void): void {
  if (!Array.isArray(value)) fail(where, 'a list');
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail(`${where}[${index}]`, 'an object');
    each(item as Record<string, unknown>, `${where}[${index}]`);
  });
}

function backupFile(value: unknown, where: string): BackupFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'an object');
  const item = value as Record<string, unknown>;
  inside(item['file'], `${where}.file`);
  count(item['rows'], `${where}.rows`);
  sha256(item['sha256'], `${where}.sha256`);
  return item as unknown as BackupFile;
}

/** Checks a parsed manifest field by field; the error names the first field that is wrong. Format 1 is read as a full backup. */
export function checkManifest(value: unknown): BackupManifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('the file', 'a JSON object');
  const manifest = value as Record<string, unknown>;
  if (manifest['format'] !== BACKUP_FORMAT) throw new BackupFormatError(`${MANIFEST_FILE} is not an EstateFlow backup manifest.`);
  const version = manifest['formatVersion'];
  if (version !== 1 && version !== 2)
    throw new BackupFormatError(
      `This backup has format version ${String(version)}; this EstateFlow reads versions 1 and ${BACKUP_FORMAT_VERSION}.`,
    );
  for (const field of ['createdAt', 'engineVersion', 'postgresVersion']) text(manifest[field], field);
  const kind = version === 1 ? 'full' : manifest['kind'];
  if (kind !== 'full' && kind !== 'incremental') fail('kind', '"full" or "incremental"');
  const base = version === 1 ? null : (manifest['base'] ?? null);
  if (kind === 'incremental' && (typeof base !== 'string' || !/^estateflow-\d{8}T\d{6}Z$/.test(base)))
    fail('base', 'the name of the backup an incremental one builds on');
  list(manifest['migrations'], 'migrations', (item, where) => {
    text(item['name'], `${where}.name`);
    sha256(item['checksum'], `${where}.checksum`);
  });
  const tables: BackupTable[] = [];
  list(manifest['tables'], 'tables', (item, where) => {
    text(item['name'], `${where}.name`);
    count(item['rows'], `${where}.rows`);
    sha256(item['sha256'], `${where}.sha256`);
    if (version === 1) {
      inside(item['file'], `${where}.file`);
      const data = { file: String(item['file']), rows: Number(item['rows']), sha256: String(item['sha256']) };
      tables.push({ name: String(item['name']), rows: data.rows, sha256: data.sha256, data, deleted: null, index: null });
      return;
    }
    const data = backupFile(item['data'], `${where}.data`);
    const deleted = item['deleted'] == null ? null : backupFile(item['deleted'], `${where}.deleted`);
    if (kind === 'incremental' && deleted === null) fail(`${where}.deleted`, 'the file of keys gone since the base');
    const index = backupFile(item['index'], `${where}.index`);
    tables.push({ name: String(item['name']), rows: Number(item['rows']), sha256: String(item['sha256']), data, deleted, index });
  });
  list(manifest['sequences'], 'sequences', (item, where) => {
    text(item['name'], `${where}.name`);
    if (item['lastValue'] !== null && (typeof item['lastValue'] !== 'string' || !/^-?\d+$/.test(item['lastValue'])))
      fail(`${where}.lastValue`, 'null or a whole number as a string');
  });
  list(manifest['uploads'], 'uploads', (item, where) => {
    if (typeof item['key'] !== 'string' || !/^[0-9a-f]{2}\/[0-9a-f]{32}$/.test(item['key'])) fail(`${where}.key`, 'a storage key');
    count(item['bytes'], `${where}.bytes`);
    sha256(item['sha256'], `${where}.sha256`);
  });
  if (!Array.isArray(manifest['missingUploads']) || !manifest['missingUploads'].every((key) => typeof key === 'string'))
    fail('missingUploads', 'a list of storage keys');
  if (!Array.isArray(manifest['dataKeys']) || !manifest['dataKeys'].every((key) => typeof key === 'string' && /^[0-9a-f]{12}$/.test(key)))
    fail('dataKeys', 'a list of key ids');
  return {
    ...(manifest as unknown as BackupManifest),
    formatVersion: version,
    kind,
    base: kind === 'full' ? null : (base as string),
    tables,
  };
}

/** Reads a backup folder's manifest; a folder that is not a finished backup gets an error saying so. */
export function readManifest(folder: string): BackupManifest {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new BackupFormatError(`${folder} is not a folder.`);
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(file))
    throw new BackupFormatError(`${folder} has no ${MANIFEST_FILE}: it is not a backup, or its backup did not finish.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BackupFormatError(`${MANIFEST_FILE} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  return checkManifest(parsed);
}

/** Where an upload lives inside a backup folder. */
export function uploadPath(folder: string, key: string): string {
  return path.join(folder, 'uploads', key);
}

export interface ChainedBackup {
  folder: string;
  manifest: BackupManifest;
}

/**
 * A backup and the backups it builds on, the full one first: an incremental backup names its base,
 * a folder beside it, taken before it. Says what is missing when the chain is broken.
 */
export function backupChain(folder: string): ChainedBackup[] {
  const chain: ChainedBackup[] = [];
  let current = folder;
  for (;;) {
    const manifest = readManifest(current);
    chain.unshift({ folder: current, manifest });
    if (manifest.kind === 'full' || manifest.base === null) return chain;
    const name = path.basename(current);
    if (manifest.base >= name) throw new BackupFormatError(`${name} names ${manifest.base} as its base, which is not an earlier backup.`);
    const base = path.join(path.dirname(current), manifest.base);
    if (!fs.existsSync(path.join(base, MANIFEST_FILE)))
      throw new BackupFormatError(
        `${name} is an incremental backup: it holds the changes since ${manifest.base}, which is not beside it in ${path.dirname(current)}. ` +
          'Keep the backups of a folder together (copy the whole folder).',
      );
    current = base;
  }
}
