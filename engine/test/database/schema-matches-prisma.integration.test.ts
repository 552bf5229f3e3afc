import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../harness/engine-process';
import { createTestDatabase } from '../harness/test-database';
import { migrate } from '../../src/database/migrator';

// Prisma 6.19's CLI (prisma/tools) writes the SQL Prisma itself would create for schema.prisma.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { schemaDiffSql } = require(path.join(REPOSITORY_ROOT, 'prisma', 'tools', 'schema-sql.js'));

/** The parts of a database's catalog that schema.prisma decides. */
async function catalog(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`);
    const indexes = await client.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`);
    const constraints = await client.query(`
      SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.contype IN ('p', 'f', 'u') AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
      ORDER BY 1, 2`);
    const enums = await client.query(`
      SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  } finally {
    await client.end();
  }
}

describe('the migrated database', () => {
  it('matches schema.prisma: tables, columns, types, nullability, defaults, indexes, keys and enums', async () => {
    const migrated = await createTestDatabase();
    await migrate(migrated);

    const expected = await createTestDatabase();
    const sql: string = schemaDiffSql({
      fromSchema: null,
      toSchema: fs.readFileSync(path.join(REPOSITORY_ROOT, 'prisma', 'schema.prisma'), 'utf8'),
      databaseUrl: expected,
    });
    const client = new Client({ connectionString: expected });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [actual, wanted] = await Promise.all([catalog(migrated), catalog(expected)]);
    expect(actual.columns).toEqual(wanted.columns);
    expect(actual.indexes).toEqual(wanted.indexes);
    expect(actual.constraints).toEqual(wanted.constraints);
    expect(actual.enums).toEqual(wanted.enums);
    expect(wanted.columns.length).toBeGreaterThan(100);
  });

  it('records each migration in _prisma_migrations as prisma migrate deploy does, and a second run changes nothing', async () => {
    const url = await createTestDatabase();
    const first = await migrate(url);
    const second = await migrate(url);
    expect(second.applied).toEqual(first.applied);
    const client = new Client({ connectionString: url });
    await client.connect();
    const rows = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    const names = fs
      .readdirSync(path.join(REPOSITORY_ROOT, 'prisma', 'migrations'))
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    expect(rows.rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows.rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('lets two engines migrate one database at the same time without racing', async () => {
    const url = await createTestDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    for (const result of results) expect(result.pending).toEqual([]);
    const client = new Client({ connectionString: url });
    await client.connect();
    const rows = await client.query('SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1');
    await client.end();
    for (const row of rows.rows) expect(row.n).toBe(1);
  });
});
