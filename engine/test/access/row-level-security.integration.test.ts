import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';
import { createTestDatabase } from '../harness/test-database';

/** The second wall (RELIABILITY 18): what PostgreSQL itself refuses to the engine's runtime role. */
describe('row-level security', () => {
  let url: string;
  let owner: Client;
  const companyA = randomUUID();
  const companyB = randomUUID();

  async function asApp<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url, options: '-c role=estateflow_app' });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    url = await createTestDatabase({ migrated: true });
    owner = new Client({ connectionString: url });
    await owner.connect();
    for (const [id, code] of [
      [companyA, 'a'],
      [companyB, 'b'],
    ]) {
      await owner.query('INSERT INTO "Company" (id, code, name) VALUES ($1, $2, $2)', [id, code]);
      await owner.query('INSERT INTO "Person" (id, "companyId", name, "phoneCipher", "phoneIndex") VALUES ($1, $2, $3, $4, $5)', [
        randomUUID(),
        id,
        `person of ${code}`,
        'cipher',
        `index-${code}`,
      ]);
      await owner.query(
        `INSERT INTO "AuditLog" ("companyId", "actorKind", action, "prevHash", hash) VALUES ($1, 'system', 'test', repeat('0', 64), repeat('1', 64))`,
        [id],
      );
    }
  });

  afterAll(async () => {
    await owner?.end();
  });

  it('runs the runtime role as neither owner nor superuser', async () => {
    const role = await asApp((client) =>
      client.query('SELECT current_user AS role, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user'),
    );
    expect(role.rows[0]).toEqual({ role: 'estateflow_app', rolsuper: false, rolbypassrls: false });
  });

  it('shows nothing without a tenant and only the tenant’s rows with one', async () => {
    await asApp(async (client) => {
      expect((await client.query('SELECT name FROM "Person"')).rows).toEqual([]);
      expect((await client.query('SELECT id FROM "Company"')).rows).toEqual([]);
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.company_id', $1, true)`, [companyA]);
      // Even a query that forgets its WHERE "companyId" sees one company only.
      expect((await client.query('SELECT name FROM "Person"')).rows).toEqual([{ name: 'person of a' }]);
      expect((await client.query('SELECT "companyId" FROM "AuditLog"')).rows).toEqual([{ companyId: companyA }]);
      const updated = await client.query(`UPDATE "Person" SET name = 'changed' WHERE "companyId" = $1`, [companyB]);
      expect(updated.rowCount).toBe(0);
      await client.query('COMMIT');
      // The tenant was local to the transaction.
      expect((await client.query('SELECT name FROM "Person"')).rows).toEqual([]);
    });
    expect((await owner.query('SELECT name FROM "Person" WHERE "companyId" = $1', [companyB])).rows).toEqual([{ name: 'person of b' }]);
  });

  it('refuses to write a row into another company', async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.company_id', $1, true)`, [companyA]);
      await expect(
        client.query('INSERT INTO "Person" (id, "companyId", name, "phoneCipher", "phoneIndex") VALUES ($1, $2, $3, $4, $5)', [
          randomUUID(),
          companyB,
          'intruder',
          'c',
          'i',
        ]),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
    });
  });

  it('keeps the audit log append-only for the runtime role', async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.company_id', $1, true)`, [companyA]);
      await expect(client.query(`UPDATE "AuditLog" SET action = 'rewritten'`)).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.company_id', $1, true)`, [companyA]);
      await expect(client.query('DELETE FROM "AuditLog"')).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
    });
    expect((await owner.query(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'test'`)).rows[0].n).toBe(2);
  });
});

describe('the row-level security health check', () => {
  it('says enforced, and fails as soon as a table is no longer forced', async () => {
    const engine = await startEngine({ seed: false });
    try {
      const client = new HttpClient(engine.url);
      const healthy = await client.get('/api/health');
      expect(healthy.status).toBe(200);
      expect(healthy.body.rowLevelSecurity).toMatchObject({ status: 'enforced', role: 'estateflow_app', problems: [] });

      const owner = new Client({ connectionString: engine.databaseUrl });
      await owner.connect();
      try {
        await owner.query('ALTER TABLE "Person" NO FORCE ROW LEVEL SECURITY');
        const broken = await client.get('/api/health');
        expect(broken.status).toBe(503);
        expect(broken.body.rowLevelSecurity.status).toBe('not_enforced');
        expect(broken.body.rowLevelSecurity.problems).toContain('row-level security is not forced on Person');
      } finally {
        await owner.query('ALTER TABLE "Person" FORCE ROW LEVEL SECURITY');
        await owner.end();
      }
    } finally {
      await engine.stop();
    }
  });
});
