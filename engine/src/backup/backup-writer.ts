import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client, type ClientBase } from 'pg';
import { engineVersion } from '../common/engine-version';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  readManifest,
  uploadPath,
  type BackupManifest,
  type BackupUpload,
} from './backup-manifest';
import { appliedMigrations, eachRowBatch, postgresVersion, sequences, tableOrder, uploads, useUtc } from './backup-sql';

export interface WriteBackupInput {
  /** The schema owner's connection (a backup reads every company's rows). */
  databaseUrl: string;
  /** `<dataDir>/uploads`. */
  uploadsDir: string;
  /** The folder that holds the backups; each backup is a folder inside it. */
  root: string;
  /** Ids of the data keys the ciphertexts use (KeyRotationService.keyUsage). */
  dataKeys: string[];
  now?: Date;
}

export interface WrittenBackup {
  folder: string;
  manifest: BackupManifest;
  /** Uploads hard-linked from the previous backup instead of copied (they never change). */
  linkedUploads: number;
  /** Uploads whose bytes no longer match the checksum taken when they were uploaded. */
  changedUploads: string[];
}

/** Backups are named by when they were taken, so that names sort by age: estateflow-20261122T030000Z. */
export const BACKUP_NAME = /^estateflow-(\d{8}T\d{6})Z$/;

export function backupName(at: Date): string {
  return `estateflow-${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** The finished backups in a folder, oldest first (a folder without a manifest did not finish). */
export function finishedBackups(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && BACKUP_NAME.test(entry.name) && fs.existsSync(path.join(root, entry.name, MANIFEST_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Exports one table as JSON lines in primary-key order: the row count and the sha256 of the lines,
 * and the gzip file when `file` is given. Restore exports again without a file to compare.
 */
export async function exportTable(client: ClientBase, table: string, file: string | null): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  const gzip = file === null ? null : createGzip();
  const written = gzip === null || file === null ? null : pipeline(gzip, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  try {
    await eachRowBatch(client, table, async (lines) => {
      const chunk = lines.join('\n') + '\n';
      hash.update(chunk);
      rows += lines.length;
      if (gzip !== null && !gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
    });
  } finally {
    gzip?.end();
  }
  await written;
  return { rows, sha256: hash.digest('hex') };
}

/** sha256 of a file's bytes, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** The previous backup's uploads by key, to link instead of copy. */
function previousUploads(root: string): Map<string, { file: string; upload: BackupUpload }> {
  const previous = finishedBackups(root).at(-1);
  const found = new Map<string, { file: string; upload: BackupUpload }>();
  if (previous === undefined) return found;
  const folder = path.join(root, previous);
  try {
    for (const upload of readManifest(folder).uploads) found.set(upload.key, { file: uploadPath(folder, upload.key), upload });
  } catch {
    // An unreadable earlier backup only means every upload is copied.
  }
  return found;
}

async function linkOrCopy(from: string, to: string): Promise<boolean> {
  try {
    await fs.promises.link(from, to);
    return true;
  } catch {
    await fs.promises.copyFile(from, to, fs.constants.COPYFILE_EXCL);
    return false;
  }
}

/**
 * Writes a consistent backup of the whole database and its uploads: every table is read in one
 * REPEATABLE READ snapshot (as pg_dump does), so rows written meanwhile are either all in or all
 * out. The folder appears under its final name only when everything, manifest last, is on disk.
 */
export async function writeBackup(input: WriteBackupInput): Promise<WrittenBackup> {
  const name = backupName(input.now ?? new Date());
  const folder = path.join(input.root, name);
  if (fs.existsSync(folder)) throw new Error(`A backup named ${name} already exists in ${input.root}.`);
  const partial = path.join(input.root, `.${name}.partial`);
  fs.mkdirSync(input.root, { recursive: true, mode: 0o700 });
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.join(partial, 'tables'), { recursive: true, mode: 0o700 });
  const earlier = previousUploads(input.root);

  const client = new Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    await useUtc(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: (input.now ?? new Date()).toISOString(),
      engineVersion: engineVersion(),
      postgresVersion: await postgresVersion(client),
      migrations: await appliedMigrations(client),
      tables: [],
      sequences: [],
      uploads: [],
      missingUploads: [],
      dataKeys: [...input.dataKeys].sort(),
    };
    for (const table of await tableOrder(client)) {
      const file = `tables/${table}.jsonl.gz`;
      const { rows, sha256 } = await exportTable(client, table, path.join(partial, file));
      manifest.tables.push({ name: table, rows, file, sha256 });
    }
    const named = await uploads(client);
    await client.query('COMMIT');
    // Read after the rows: a sequence never goes back, so it is past every id the snapshot holds.
    manifest.sequences = await sequences(client);

    let linkedUploads = 0;
    const changedUploads: string[] = [];
    for (const upload of named) {
      const source = path.join(input.uploadsDir, upload.key);
      if (!fs.existsSync(source)) {
        manifest.missingUploads.push(upload.key);
        continue;
      }
      const target = uploadPath(partial, upload.key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const before = earlier.get(upload.key);
      if (before !== undefined && before.upload.sha256 === upload.sha256) {
        if (await linkOrCopy(before.file, target)) linkedUploads += 1;
        manifest.uploads.push(before.upload);
        continue;
      }
      await fs.promises.copyFile(source, target, fs.constants.COPYFILE_EXCL);
      const sha256 = await sha256OfFile(target);
      if (sha256 !== upload.sha256) changedUploads.push(upload.key);
      manifest.uploads.push({ key: upload.key, bytes: (await fs.promises.stat(target)).size, sha256 });
    }

    fs.writeFileSync(path.join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(partial, folder);
    return { folder, manifest, linkedUploads, changedUploads };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end();
  }
}
