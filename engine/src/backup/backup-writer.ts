import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client, type ClientBase } from 'pg';
import { engineVersion } from '../common/engine-version';
import { backupFileProblem, gzipLines, LinesFile, sha256OfFile } from './backup-files';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupChain,
  MANIFEST_FILE,
  readManifest,
  uploadPath,
  type BackupFile,
  type BackupManifest,
  type BackupTable,
  type BackupUpload,
  type ChainedBackup,
} from './backup-manifest';
import { appliedMigrations, eachKeyedRowBatch, eachRowBatch, postgresVersion, sequences, tableOrder, uploads, useUtc } from './backup-sql';

export interface WriteBackupInput {
  /** The schema owner's connection (a backup reads every company's rows). */
  databaseUrl: string;
  /** `<dataDir>/uploads`. */
  uploadsDir: string;
  /** The folder that holds the backups; each backup is a folder inside it. */
  root: string;
  /** Ids of the data keys the ciphertexts use (KeyRotationService.keyUsage). */
  dataKeys: string[];
  /** Only the changes since the newest backup in `root`, when it can be built on (else a full backup). */
  incremental?: boolean;
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

/** sha256 of a table's rows as JSON lines in primary-key order (a restore compares it with the backup's). */
export async function tableChecksum(client: ClientBase, table: string): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  await eachRowBatch(client, table, async (lines) => {
    hash.update(lines.join('\n') + '\n');
    rows += lines.length;
  });
  return { rows, sha256: hash.digest('hex') };
}

/** The first 16 hex digits of a row's sha256: enough to tell a changed row (and the full checksum checks the whole). */
function rowHash(line: string): string {
  return createHash('sha256').update(line).digest('hex').slice(0, 16);
}

/** A base's index of a table: each row's key and short hash. */
async function readIndex(folder: string, index: BackupFile): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  for await (const line of gzipLines(path.join(folder, index.file))) {
    const tab = line.lastIndexOf('\t');
    rows.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return rows;
}

/**
 * Backs up one table: every row (`before` null), or the rows new or changed since the base whose
 * index is `before` and the keys of those gone since; and the index of every row, for the next one.
 */
async function backUpTable(client: ClientBase, folder: string, table: string, before: Map<string, string> | null): Promise<BackupTable> {
  const whole = createHash('sha256');
  let rows = 0;
  const data = new LinesFile(folder, `tables/${table}.jsonl.gz`);
  const index = new LinesFile(folder, `tables/${table}.index.gz`);
  const deleted = before === null ? null : new LinesFile(folder, `tables/${table}.deleted.gz`);
  try {
    await eachKeyedRowBatch(client, table, async (batch) => {
      const changed: string[] = [];
      const hashes: string[] = [];
      for (const { key, line } of batch) {
        whole.update(line + '\n');
        const hash = rowHash(line);
        hashes.push(`${key}\t${hash}`);
        if (before === null || before.get(key) !== hash) changed.push(line);
        before?.delete(key);
      }
      rows += batch.length;
      await data.write(changed);
      await index.write(hashes);
    });
    // What the base had and the table no longer has.
    await deleted?.write([...(before?.keys() ?? [])]);
    return {
      name: table,
      rows,
      sha256: whole.digest('hex'),
      data: await data.close(),
      deleted: (await deleted?.close()) ?? null,
      index: await index.close(),
    };
  } catch (error) {
    for (const file of [data, index, deleted]) file?.abort();
    throw error;
  }
}

/**
 * The newest backup of the folder, when the next can build on it: a finished backup of this
 * format (with its indexes, intact), of the same schema, whose own chain back to a full backup is
 * whole. Otherwise null, and a full backup is written.
 */
async function usableBase(root: string, migrations: BackupManifest['migrations']): Promise<ChainedBackup | null> {
  const newest = finishedBackups(root).at(-1);
  if (newest === undefined) return null;
  try {
    const chain = backupChain(path.join(root, newest));
    const base = chain.at(-1);
    if (base === undefined || base.manifest.formatVersion !== BACKUP_FORMAT_VERSION) return null;
    if (JSON.stringify(base.manifest.migrations) !== JSON.stringify(migrations)) return null;
    for (const table of base.manifest.tables)
      if (table.index === null || (await backupFileProblem(base.folder, table.index)) !== null) return null;
    return base;
  } catch {
    return null;
  }
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
 * An incremental backup holds the rows new or changed since its base, and the keys of those gone.
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
    const migrations = await appliedMigrations(client);
    const base = input.incremental === true ? await usableBase(input.root, migrations) : null;
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      kind: base === null ? 'full' : 'incremental',
      base: base === null ? null : path.basename(base.folder),
      createdAt: (input.now ?? new Date()).toISOString(),
      engineVersion: engineVersion(),
      postgresVersion: await postgresVersion(client),
      migrations,
      tables: [],
      sequences: [],
      uploads: [],
      missingUploads: [],
      dataKeys: [...input.dataKeys].sort(),
    };
    for (const table of await tableOrder(client)) {
      const index = base?.manifest.tables.find((entry) => entry.name === table)?.index;
      const before = base === null ? null : index == null ? new Map<string, string>() : await readIndex(base.folder, index);
      manifest.tables.push(await backUpTable(client, partial, table, before));
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
