import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { ADVISORY_LOCKS } from './advisory-locks';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/** The migrations folder: prisma/migrations at the repository root (or as configured). */
export function migrationsDir(): string {
  return process.env.ESTATEFLOW_MIGRATIONS_DIR ?? path.join(__dirname, '..', '..', '..', 'prisma', 'migrations');
}

function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

// Exactly the table `prisma migrate deploy` keeps, so that both tools agree on what ran.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

async function appliedNames(client: Client): Promise<Set<string>> {
  const rows = await client.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return new Set(rows.rows.map((row) => row.migration_name));
}

/** Every migration of the folder with its checksum (sha256 of the file, as Prisma computes it). */
export function migrationChecksums(dir = migrationsDir()): Map<string, string> {
  return new Map(migrationNames(dir).map((name) => [name, checksumOf(fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8'))]));
}

function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Applies pending migrations in name order, each in its own transaction, and records them in
 * `_prisma_migrations` as Prisma does (checksum = sha256 of the file). Holds an advisory lock so
 * that engines starting together take turns. `through` stops after that migration (a restore
 * loads a backup's rows into the schema they were taken from, then applies the rest).
 */
export async function migrate(databaseUrl: string, dir = migrationsDir(), options: { through?: string } = {}): Promise<MigrationStatus> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migration]);
    await client.query(HISTORY_TABLE);
    const done = await appliedNames(client);
    const through = options.through;
    const pending = migrationNames(dir).filter((name) => !done.has(name) && (through === undefined || name <= through));
    for (const name of pending) {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = checksumOf(sql);
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Migration ${name} failed and was rolled back: ${reason}`);
      }
    }
    const applied = [...done, ...pending].sort();
    return { applied, pending: migrationNames(dir).filter((name) => !applied.includes(name)) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.migration]).catch(() => undefined);
    await client.end();
  }
}

/** What is applied and what is not, without changing anything (for /api/health). */
export async function migrationStatus(client: { query: Client['query'] }, dir = migrationsDir()): Promise<MigrationStatus> {
  const rows = await client.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const done = new Set(rows.rows.map((row) => row.migration_name));
  const all = migrationNames(dir);
  return { applied: all.filter((name) => done.has(name)), pending: all.filter((name) => !done.has(name)) };
}
