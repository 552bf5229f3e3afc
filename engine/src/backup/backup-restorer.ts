import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrate, migrationChecksums, migrationsDir } from '../database/migrator';
import { backupFileProblem, gzipLines, sha256OfFile } from './backup-files';
import { backupChain, uploadPath, type BackupFile, type BackupManifest } from './backup-manifest';
import { deleteRows, forgetLiveChanges, restoreRows, setSequence, tableCount, upsertRows, useUtc } from './backup-sql';
import { tableChecksum } from './backup-writer';

/** A restore that stopped before it changed anything; the message says what to do. */
export class RestoreRefused extends Error {}

/** Rows per statement, and at most this many bytes of JSON in one. */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Reads every file of a backup — and of the backups an incremental one builds on — and checks it
 * against its manifest: row counts and checksums of the tables, size and checksum of every upload.
 * Changes nothing anywhere.
 */
export async function verifyBackup(folder: string): Promise<{ manifest: BackupManifest; problems: string[] }> {
  const chain = backupChain(folder);
  const problems: string[] = [];
  for (const member of chain) {
    const target = member.folder === folder;
    const where = target ? '' : `${path.basename(member.folder)} (which it builds on): `;
    for (const table of member.manifest.tables)
      for (const entry of [table.data, table.deleted, target ? table.index : null]) {
        const problem = entry === null ? null : await backupFileProblem(member.folder, entry);
        if (problem !== null) problems.push(where + problem);
      }
  }
  const manifest = chain.at(-1)?.manifest;
  if (manifest === undefined) throw new Error(`${folder} holds no backup.`);
  // Every upload is in the backup itself (those an earlier backup had are hard links to its files).
  for (const upload of manifest.uploads) {
    const file = uploadPath(folder, upload.key);
    if (!fs.existsSync(file)) problems.push(`uploads/${upload.key} is missing`);
    else if ((await sha256OfFile(file)) !== upload.sha256) problems.push(`uploads/${upload.key} does not match its checksum`);
  }
  return { manifest, problems };
}

export interface RestoreTarget {
  folder: string;
  /** The target data folder's uploads (`<dataDir>/uploads`); must be empty. */
  uploadsDir: string;
  /** Ids of the data keys the target configuration holds. */
  keyIds: ReadonlySet<string>;
  migrations?: string;
}

export interface RestoreInput extends RestoreTarget {
  /** The target database, empty, as the user that will own the schema (the engine's DATABASE_URL). */
  databaseUrl: string;
  /** What checkRestorable returned for the same target. */
  manifest: BackupManifest;
  onProgress?: (message: string) => void;
}

export interface RestoreReport {
  manifest: BackupManifest;
  rows: number;
  uploads: number;
  /** Migrations newer than the backup, applied after its rows were loaded. */
  migratedAfter: string[];
}

/** Everything that must hold before the target is touched; each failure says what to do. */
function refusals(input: RestoreTarget, manifest: BackupManifest): string[] {
  const problems: string[] = [];
  const missingKeys = manifest.dataKeys.filter((id) => !input.keyIds.has(id));
  if (missingKeys.length > 0)
    problems.push(
      `The backup's personal data is encrypted under data key ${missingKeys.join(', ')}, which this configuration does not hold. ` +
        'Copy keys/data.key from the original data folder into the new one, or set ESTATEFLOW_DATA_KEY (and ESTATEFLOW_PREVIOUS_DATA_KEYS) as the original engine had them.',
    );
  const known = migrationChecksums(input.migrations ?? migrationsDir());
  const last = manifest.migrations.at(-1)?.name;
  for (const migration of manifest.migrations) {
    const checksum = known.get(migration.name);
    if (checksum === undefined)
      problems.push(
        `The backup was taken by a newer EstateFlow (migration ${migration.name} is unknown here): restore it with that version or a later one.`,
      );
    else if (checksum !== migration.checksum) problems.push(`Migration ${migration.name} differs from the one the backup was taken with.`);
  }
  const listed = new Set(manifest.migrations.map((migration) => migration.name));
  const skipped = [...known.keys()].filter((name) => last !== undefined && name <= last && !listed.has(name));
  if (skipped.length > 0) problems.push(`The backup's schema lacks migrations that come before its last one: ${skipped.join(', ')}.`);
  if (fs.existsSync(input.uploadsDir) && fs.readdirSync(input.uploadsDir).length > 0)
    problems.push(`${input.uploadsDir} already holds uploads: restore into a new data folder.`);
  return problems;
}

/** Passes a backup file's lines to `apply` in batches; returns the sum of what it counted. */
async function applyFile(folder: string, entry: BackupFile, apply: (lines: string[]) => Promise<number>): Promise<number> {
  let batch: string[] = [];
  let bytes = 0;
  let done = 0;
  for await (const line of gzipLines(path.join(folder, entry.file))) {
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      done += await apply(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) done += await apply(batch);
  return done;
}

/**
 * Everything a restore needs before it touches a database, checked: the backup's files, the data
 * keys its ciphertexts need, its schema, an empty uploads folder. Refuses with what to do.
 */
export async function checkRestorable(target: RestoreTarget): Promise<BackupManifest> {
  const { manifest, problems } = await verifyBackup(target.folder);
  if (problems.length > 0) throw new RestoreRefused(`The backup is damaged, nothing was restored:\n- ${problems.join('\n- ')}`);
  const refused = refusals(target, manifest);
  if (refused.length > 0) throw new RestoreRefused(`Nothing was restored:\n- ${refused.join('\n- ')}`);
  return manifest;
}

/**
 * Restores a checked backup (checkRestorable) into an empty database (docs/backups.md): creates
 * the schema the backup was taken with, loads every table in one transaction, exports each table
 * again and compares it with the backup, applies the newer migrations, then copies the uploads.
 */
export async function restoreBackup(input: RestoreInput): Promise<RestoreReport> {
  const progress = input.onProgress ?? (() => undefined);
  const { manifest } = input;

  const client = new Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    if ((await tableCount(client)) > 0)
      throw new RestoreRefused(
        'The target database already has tables: restore only into an empty database (a new one, or a new data folder).',
      );
    const migrations = input.migrations ?? migrationsDir();
    const through = manifest.migrations.at(-1)?.name;
    progress(`Creating the schema of the backup (${manifest.migrations.length} migrations)…`);
    if (through !== undefined) await migrate(input.databaseUrl, migrations, { through });

    await useUtc(client);
    await client.query('BEGIN');
    try {
      const [full, ...changes] = backupChain(input.folder);
      if (full === undefined) throw new Error('the backup holds nothing');
      for (const table of full.manifest.tables) {
        const inserted = await applyFile(full.folder, table.data, (lines) => restoreRows(client, table.name, lines));
        if (inserted !== table.data.rows) throw new Error(`${table.name}: ${inserted} rows went in; the backup holds ${table.data.rows}`);
        progress(`  ${table.name}: ${inserted} rows`);
      }
      // Each incremental backup on top, in the order they were taken: the rows gone (children
      // before their parents), then the rows new or changed (parents first).
      for (const member of changes) {
        progress(`Applying the changes of ${path.basename(member.folder)}…`);
        for (const table of [...member.manifest.tables].reverse()) {
          if (table.deleted === null || table.deleted.rows === 0) continue;
          const removed = await applyFile(member.folder, table.deleted, (keys) => deleteRows(client, table.name, keys));
          if (removed !== table.deleted.rows) throw new Error(`${table.name}: ${removed} rows went; the backup says ${table.deleted.rows}`);
        }
        for (const table of member.manifest.tables) {
          if (table.data.rows === 0) continue;
          const written = await applyFile(member.folder, table.data, (lines) => upsertRows(client, table.name, lines));
          if (written !== table.data.rows) throw new Error(`${table.name}: ${written} rows written; the backup holds ${table.data.rows}`);
          progress(`  ${table.name}: ${written} rows new or changed${table.deleted?.rows ? `, ${table.deleted.rows} gone` : ''}`);
        }
      }
      for (const sequence of manifest.sequences) await setSequence(client, sequence);
      await forgetLiveChanges(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new Error(
        `Loading the rows failed and was rolled back (${error instanceof Error ? error.message : String(error)}). The schema was created: drop the database (or delete the new data folder) before trying again.`,
      );
    }
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);

    progress('Comparing every restored table with the backup…');
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const table of manifest.tables) {
      const again = await tableChecksum(client, table.name);
      if (again.rows !== table.rows || again.sha256 !== table.sha256)
        throw new Error(`${table.name} restored differently from the backup (${again.rows} rows, ${table.rows} expected).`);
    }
    await client.query('COMMIT');

    const { applied } = await migrate(input.databaseUrl, migrations);
    const migratedAfter = applied.filter((name) => !manifest.migrations.some((migration) => migration.name === name));

    progress(`Copying ${manifest.uploads.length} uploads…`);
    for (const upload of manifest.uploads) {
      const target = path.join(input.uploadsDir, upload.key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await fs.promises.copyFile(uploadPath(input.folder, upload.key), target, fs.constants.COPYFILE_EXCL);
      await fs.promises.chmod(target, 0o600);
    }
    return { manifest, rows, uploads: manifest.uploads.length, migratedAfter };
  } finally {
    await client.end();
  }
}
