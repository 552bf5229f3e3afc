import fs from 'node:fs';
import path from 'node:path';

/**
 * A backup is a folder (docs/backups.md):
 *   manifest.json            this file's content, written last: a folder without it is unfinished
 *   tables/<Table>.jsonl.gz  one JSON object per row, in primary-key order (gzip)
 *   uploads/<key>            the uploaded files the Attachment rows name
 */
export const BACKUP_FORMAT = 'estateflow-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export interface BackupTable {
  name: string;
  rows: number;
  /** Relative to the backup folder. */
  file: string;
  /** sha256 of the uncompressed JSON lines: a restored table exported again must give the same. */
  sha256: string;
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
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  engineVersion: string;
  postgresVersion: string;
  /** The schema the rows belong to: every migration applied when the backup was taken, with its checksum. */
  migrations: { name: string; checksum: string }[];
  /** In the order a restore loads them (a row's foreign keys point to tables before it). */
  tables: BackupTable[];
  sequences: BackupSequence[];
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

/** Checks a parsed manifest field by field; the error names the first field that is wrong. */
export function checkManifest(value: unknown): BackupManifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('the file', 'a JSON object');
  const manifest = value as Record<string, unknown>;
  if (manifest['format'] !== BACKUP_FORMAT) throw new BackupFormatError(`${MANIFEST_FILE} is not an EstateFlow backup manifest.`);
  if (manifest['formatVersion'] !== BACKUP_FORMAT_VERSION)
    throw new BackupFormatError(
      `This backup has format version ${String(manifest['formatVersion'])}; this EstateFlow reads version ${BACKUP_FORMAT_VERSION}.`,
    );
  for (const field of ['createdAt', 'engineVersion', 'postgresVersion']) text(manifest[field], field);
  list(manifest['migrations'], 'migrations', (item, where) => {
    text(item['name'], `${where}.name`);
    sha256(item['checksum'], `${where}.checksum`);
  });
  list(manifest['tables'], 'tables', (item, where) => {
    text(item['name'], `${where}.name`);
    count(item['rows'], `${where}.rows`);
    inside(item['file'], `${where}.file`);
    sha256(item['sha256'], `${where}.sha256`);
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
  return manifest as unknown as BackupManifest;
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
