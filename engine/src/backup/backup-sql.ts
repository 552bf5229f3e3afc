import type { ClientBase } from 'pg';
import type { BackupSequence, BackupUpload } from './backup-manifest';

/**
 * The statements of backup and restore. They run as the schema owner on one connection: a backup
 * crosses companies by nature. Table names are parameters; the functions of migration
 * `backup_functions` quote them with format('%I'), so no statement is assembled here.
 */

/** Tables that are not data: the migration history (a restore writes its own) and live announcements. */
const NOT_BACKED_UP = ['_prisma_migrations', 'LiveChange'];

/** The schema's tables, each after every table its foreign keys point to. */
const TABLE_ORDER = `
WITH RECURSIVE tables AS (
  SELECT c.oid, c.relname::text AS name
  FROM pg_class c
  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT (c.relname = ANY ($1::text[]))
), edges AS (
  SELECT DISTINCT k.conrelid AS child, k.confrelid AS parent
  FROM pg_constraint k
  WHERE k.contype = 'f' AND k.conrelid <> k.confrelid AND k.conrelid IN (SELECT oid FROM tables)
), depth AS (
  SELECT t.oid, 0 AS level FROM tables t
  UNION ALL
  SELECT e.child, d.level + 1 FROM depth d JOIN edges e ON e.parent = d.oid WHERE d.level < 64
)
SELECT t.name FROM tables t JOIN depth d ON d.oid = t.oid GROUP BY t.name ORDER BY max(d.level), t.name`;

const TABLE_COUNT = `SELECT count(*)::int AS "count" FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')`;

const SEQUENCES = `
SELECT format('%I.%I', schemaname, sequencename) AS name, last_value::text AS "lastValue"
FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1`;

const SET_SEQUENCE = `SELECT setval($1::regclass, $2::bigint, true)`;

const UPLOADS = `SELECT "storageKey" AS key, size AS bytes, sha256 FROM "Attachment" ORDER BY "storageKey"`;

const MIGRATIONS = `
SELECT migration_name AS name, checksum FROM "_prisma_migrations"
WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

const OPEN_ROWS = `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT line FROM estateflow_backup_rows($1) AS line`;
const OPEN_KEYED_ROWS = `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT key, line FROM estateflow_backup_keyed_rows($1)`;
const FETCH_ROWS = `FETCH 1000 FROM backup_rows`;
const CLOSE_ROWS = `CLOSE backup_rows`;

/** Rows become JSON with the session's time zone; backup and restore both write times in UTC. */
const IN_UTC = `SET TIME ZONE 'UTC'`;

const RESTORE_ROWS = `SELECT estateflow_restore_rows($1, $2::json)::int AS inserted`;
const UPSERT_ROWS = `SELECT estateflow_restore_upsert($1, $2::json)::int AS written`;
const DELETE_ROWS = `SELECT estateflow_restore_delete($1, $2::text[])::int AS removed`;

/** Live announcements the restore's own inserts made (their triggers ran); no engine is watching yet. */
const FORGET_LIVE_CHANGES = `DELETE FROM "LiveChange"`;

/** Every row's JSON text of a table, in primary-key order, a batch at a time (inside a transaction). */
export async function eachRowBatch(client: ClientBase, table: string, use: (lines: string[]) => Promise<void>): Promise<void> {
  await eachBatch<{ line: string }>(client, OPEN_ROWS, table, (rows) => use(rows.map((row) => row.line)));
}

/** The same with each row's primary key as JSON text (`["…"]`), which the restore's delete takes back. */
export async function eachKeyedRowBatch(
  client: ClientBase,
  table: string,
  use: (rows: { key: string; line: string }[]) => Promise<void>,
): Promise<void> {
  await eachBatch(client, OPEN_KEYED_ROWS, table, use);
}

async function eachBatch<Row extends object>(client: ClientBase, open: string, table: string, use: (rows: Row[]) => Promise<void>) {
  await client.query(open, [table]);
  try {
    for (;;) {
      const batch = await client.query<Row>(FETCH_ROWS);
      if (batch.rows.length === 0) return;
      await use(batch.rows);
    }
  } finally {
    await client.query(CLOSE_ROWS);
  }
}

export async function useUtc(client: ClientBase): Promise<void> {
  await client.query(IN_UTC);
}

export async function tableOrder(client: ClientBase): Promise<string[]> {
  return (await client.query<{ name: string }>(TABLE_ORDER, [NOT_BACKED_UP])).rows.map((row) => row.name);
}

export async function tableCount(client: ClientBase): Promise<number> {
  return (await client.query<{ count: number }>(TABLE_COUNT)).rows[0]?.count ?? 0;
}

export async function sequences(client: ClientBase): Promise<BackupSequence[]> {
  return (await client.query<BackupSequence>(SEQUENCES)).rows;
}

export async function setSequence(client: ClientBase, sequence: BackupSequence): Promise<void> {
  if (sequence.lastValue !== null) await client.query(SET_SEQUENCE, [sequence.name, sequence.lastValue]);
}

export async function uploads(client: ClientBase): Promise<BackupUpload[]> {
  return (await client.query<BackupUpload>(UPLOADS)).rows;
}

export async function appliedMigrations(client: ClientBase): Promise<{ name: string; checksum: string }[]> {
  return (await client.query<{ name: string; checksum: string }>(MIGRATIONS)).rows;
}

export async function postgresVersion(client: ClientBase): Promise<string> {
  return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown';
}

/** Inserts rows given as their JSON texts; returns how many went in. */
export async function restoreRows(client: ClientBase, table: string, lines: readonly string[]): Promise<number> {
  const result = await client.query<{ inserted: number }>(RESTORE_ROWS, [table, `[${lines.join(',')}]`]);
  return result.rows[0]?.inserted ?? 0;
}

/** Inserts rows given as their JSON texts, or writes them over the rows with the same keys; returns how many. */
export async function upsertRows(client: ClientBase, table: string, lines: readonly string[]): Promise<number> {
  const result = await client.query<{ written: number }>(UPSERT_ROWS, [table, `[${lines.join(',')}]`]);
  return result.rows[0]?.written ?? 0;
}

/** Deletes the rows with these keys (as eachKeyedRowBatch gives them); returns how many went. */
export async function deleteRows(client: ClientBase, table: string, keys: readonly string[]): Promise<number> {
  const result = await client.query<{ removed: number }>(DELETE_ROWS, [table, keys]);
  return result.rows[0]?.removed ?? 0;
}

export async function forgetLiveChanges(client: ClientBase): Promise<void> {
  await client.query(FORGET_LIVE_CHANGES);
}
