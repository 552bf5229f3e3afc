import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatabaseService } from '../../src/database/database.service';
import { runAsTenant } from '../../src/database/tenant-context';
import { TenantPool } from '../../src/database/tenant-pool';
import { insertCompanyWithPerson } from '../harness/tenant-fixture';
import { createTestDatabase } from '../harness/test-database';

/** The engine's runtime connections (RELIABILITY 18): the app role, and always the tenant of the work in hand. */
describe('the tenant-sticky database connections', () => {
  let url: string;
  let owner: Client;
  let database: DatabaseService;
  const companyA = randomUUID();
  const companyB = randomUUID();

  beforeAll(async () => {
    url = await createTestDatabase({ migrated: true });
    owner = new Client({ connectionString: url });
    await owner.connect();
    for (const [id, code] of [
      [companyA, 'a'],
      [companyB, 'b'],
    ]) {
      await insertCompanyWithPerson(owner, { id, code });
    }
    database = new DatabaseService(url);
  });

  afterAll(async () => {
    await database?.onModuleDestroy();
    await owner?.end();
  });

  it('runs as estateflow_app with the tenant of the work in hand, on the pg pool and through Prisma', async () => {
    const who = `SELECT current_user AS role, current_setting('app.company_id', true) AS tenant`;
    expect((await runAsTenant(companyA, () => database.pool.query(who))).rows).toEqual([{ role: 'estateflow_app', tenant: companyA }]);
    // A query that forgets its WHERE "companyId" sees its tenant's rows only, and none without a tenant.
    const names = async () => (await database.prisma.person.findMany({ select: { name: true } })).map((person) => person.name);
    expect(await runAsTenant(companyA, names)).toEqual(['person of a']);
    expect(await runAsTenant(companyB, names)).toEqual(['person of b']);
    expect(await names()).toEqual([]);
    expect(await runAsTenant(companyB, () => database.prisma.$transaction(async (tx) => tx.person.count()))).toBe(1);
  });

  it('outlives its idle connections being ended by the server, and opens new ones', async () => {
    // A PostgreSQL restart or an administrator does this; so does the embedded server stopping at shutdown.
    const who = 'SELECT current_setting($1, true) AS tenant';
    await Promise.all([database.pool, database.eventPool].map((pool) => runAsTenant(companyA, () => pool.query(who, ['app.company_id']))));
    const ended = await owner.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE usename = current_user AND pid <> pg_backend_pid() AND datname = current_database()`,
    );
    expect(ended.rows.length).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const pool of [database.pool, database.eventPool]) {
      const { rows } = await runAsTenant(companyB, () => pool.query(who, ['app.company_id']));
      expect(rows).toEqual([{ tenant: companyB }]);
    }
  });

  it('gives every query its own tenant when many tenants share few connections', async () => {
    const pool = new TenantPool({ connectionString: url, max: 3, options: '-c role=estateflow_app' });
    try {
      const tenants = Array.from({ length: 60 }, (_, index) => [companyA, companyB, null][index % 3] ?? null);
      const seen = await Promise.all(
        tenants.map((tenant) =>
          runAsTenant(tenant, async () => {
            const { rows } = await pool.query<{ name: string }>('SELECT name FROM "Person" ORDER BY name');
            return rows.map((row) => row.name);
          }),
        ),
      );
      const expected = (tenant: string | null) => (tenant === companyA ? ['person of a'] : tenant === companyB ? ['person of b'] : []);
      expect(seen).toEqual(tenants.map(expected));
    } finally {
      await pool.end();
    }
  });

  it('sets the tenant only when the connection last served another one (no extra round trip on the hot path)', async () => {
    const pool = new TenantPool({ connectionString: url, max: 1, options: '-c role=estateflow_app' });
    const spy = vi.spyOn(Client.prototype, 'query');
    try {
      const setConfigs = () => spy.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('set_config')).length;
      await runAsTenant(companyA, () => pool.query('SELECT 1'));
      expect(setConfigs()).toBe(1);
      await runAsTenant(companyA, async () => {
        await pool.query('SELECT 1');
        const client = await pool.connect();
        client.release();
      });
      expect(setConfigs()).toBe(1);
      await runAsTenant(companyB, () => pool.query('SELECT 1'));
      await pool.query('SELECT 1');
      expect(setConfigs()).toBe(3);
      const tenant = await pool.query<{ tenant: string }>(`SELECT current_setting('app.company_id', true) AS tenant`);
      expect(tenant.rows).toEqual([{ tenant: '' }]);
    } finally {
      spy.mockRestore();
      await pool.end();
    }
  });
});
