import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins } from '../harness/demo-logins';
import { startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';
import { asAppRole, insertCompanyWithPerson } from '../harness/tenant-fixture';
import { createTestDatabase } from '../harness/test-database';

/** The second wall (RELIABILITY 18): what PostgreSQL itself refuses to the engine's runtime role. */
describe('row-level security', () => {
  let url: string;
  let owner: Client;
  const companyA = randomUUID();
  const companyB = randomUUID();

  const asApp = <T>(work: (client: Client) => Promise<T>): Promise<T> => asAppRole(url, work);

  beforeAll(async () => {
    url = await createTestDatabase({ migrated: true });
    owner = new Client({ connectionString: url });
    await owner.connect();
    for (const [id, code] of [
      [companyA, 'a'],
      [companyB, 'b'],
    ]) {
      await insertCompanyWithPerson(owner, { id, code });
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

/** The tables migration tenant_row_level_security put behind the wall (issue #7), and those added since. */
const LATER_TABLES = [
  'Session',
  'ApiToken',
  'WorkflowDefinition',
  'DefinitionVersion',
  'EstateBinding',
  'Instance',
  'InstanceEvent',
  'Task',
  'Incident',
  'Schedule',
  'Attachment',
  'Notification',
  'Webhook',
  'ReferenceCounter',
  'Job',
  'PersonalValue',
  'Notice',
];

describe('row-level security on every table with a company', () => {
  let url: string;
  let owner: Client;
  const companyA = randomUUID();
  const companyB = randomUUID();

  /** An INSERT of one row of `table` for `companyId`: every required column gets a value of its type. */
  async function rowInsert(table: string, companyId: string): Promise<{ text: string; values: unknown[] }> {
    const columns = await owner.query<{ name: string; type: string; udt: string }>(
      `SELECT column_name AS name, data_type AS type, udt_name AS udt FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 AND (is_nullable = 'NO' AND column_default IS NULL OR column_name = 'companyId')`,
      [table],
    );
    const names: string[] = [];
    const values: unknown[] = [];
    for (const column of columns.rows) {
      names.push(owner.escapeIdentifier(column.name));
      if (column.name === 'companyId') values.push(companyId);
      else if (column.type === 'uuid') values.push(randomUUID());
      else if (column.type === 'text') values.push(`${table}-${randomUUID()}`);
      else if (column.type === 'integer' || column.type === 'bigint') values.push(1);
      else if (column.type === 'jsonb') values.push('{}');
      else if (column.type.startsWith('timestamp')) values.push(new Date());
      else if (column.type === 'boolean') values.push(true);
      else if (column.type === 'ARRAY') values.push([]);
      else if (column.type === 'USER-DEFINED') {
        const label = await owner.query<{ label: string }>(
          `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder LIMIT 1`,
          [column.udt],
        );
        values.push(label.rows[0]?.label);
      } else throw new Error(`no test value for ${table}.${column.name} (${column.type})`);
    }
    const placeholders = values.map((_, index) => `$${index + 1}`).join(', ');
    return { text: `INSERT INTO ${owner.escapeIdentifier(table)} (${names.join(', ')}) VALUES (${placeholders})`, values };
  }

  const asApp = <T>(work: (client: Client) => Promise<T>): Promise<T> => asAppRole(url, work);

  async function asTenant<T>(client: Client, companyId: string, work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.company_id', $1, true)`, [companyId]);
      return await work();
    } finally {
      await client.query('ROLLBACK');
    }
  }

  beforeAll(async () => {
    url = await createTestDatabase({ migrated: true });
    owner = new Client({ connectionString: url });
    await owner.connect();
    // One row per company in every table, without the rows they refer to (foreign keys off for the owner only).
    await owner.query('SET session_replication_role = replica');
    for (const companyId of [companyA, companyB]) {
      await owner.query('INSERT INTO "Company" (id, code, name) VALUES ($1, $2, $2)', [companyId, `company ${companyId}`]);
      for (const table of LATER_TABLES) {
        const insert = await rowInsert(table, companyId);
        await owner.query(insert.text, insert.values);
      }
    }
  });

  afterAll(async () => {
    await owner?.end();
  });

  it.each(LATER_TABLES)('%s: nothing without a tenant, only the tenant’s row with one', async (table) => {
    const select = `SELECT "companyId" FROM ${owner.escapeIdentifier(table)}`;
    await asApp(async (client) => {
      expect((await client.query(select)).rows).toEqual([]);
      await asTenant(client, companyA, async () => expect((await client.query(select)).rows).toEqual([{ companyId: companyA }]));
      await asTenant(client, companyB, async () => expect((await client.query(select)).rows).toEqual([{ companyId: companyB }]));
    });
    expect((await owner.query(select)).rowCount).toBe(2);
  });

  it.each(LATER_TABLES)('%s: another company’s rows cannot be changed, deleted, written or moved into', async (table) => {
    const quoted = owner.escapeIdentifier(table);
    await asApp(async (client) => {
      await asTenant(client, companyA, async () => {
        expect((await client.query(`UPDATE ${quoted} SET "companyId" = "companyId" WHERE "companyId" = $1`, [companyB])).rowCount).toBe(0);
        expect((await client.query(`DELETE FROM ${quoted} WHERE "companyId" = $1`, [companyB])).rowCount).toBe(0);
      });
      await asTenant(client, companyA, async () => {
        const insert = await rowInsert(table, companyB);
        await expect(client.query(insert.text, insert.values)).rejects.toThrow(/row-level security/);
      });
      await asTenant(client, companyA, async () => {
        await expect(client.query(`UPDATE ${quoted} SET "companyId" = $1 WHERE "companyId" = $2`, [companyB, companyA])).rejects.toThrow(
          /row-level security/,
        );
      });
    });
    expect((await owner.query(`SELECT "companyId" FROM ${quoted} WHERE "companyId" = $1`, [companyB])).rowCount).toBe(1);
  });

  it('puts every table with a company behind the wall, the job queue included', async () => {
    const tables = await owner.query<{ table: string; forced: boolean }>(
      `SELECT c.relname AS "table", c.relforcerowsecurity AS forced
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = 'public' AND k.table_name = c.relname AND k.column_name = 'companyId')
        ORDER BY 1`,
    );
    expect(tables.rows.filter((row) => !row.forced).map((row) => row.table)).toEqual([]);
    expect(tables.rows.map((row) => row.table)).toContain('Job');
  });

  it('lets the app role claim due jobs of every company only through the claim function', async () => {
    for (const companyId of [companyA, companyB]) {
      await owner.query(
        `INSERT INTO "Job" ("companyId", kind, payload, "dedupeKey", "runAt") VALUES ($1, 'probe', '{}', $2, now() - interval '1 minute')`,
        [companyId, `claim-probe-${companyId}`],
      );
    }
    const claimed = await asApp(async (client) => {
      // Without a tenant the queue is empty to the app role…
      expect((await client.query(`SELECT id FROM "Job" WHERE kind = 'probe'`)).rowCount).toBe(0);
      // …and the claim function still takes what is due, across companies.
      return client.query<{ companyId: string }>(`SELECT "companyId" FROM estateflow_claim_jobs(now(), 100, 60000) WHERE kind = 'probe'`);
    });
    expect(claimed.rows.map((row) => row.companyId).sort()).toEqual([companyA, companyB].sort());
    const running = await owner.query(`SELECT count(*)::int AS n FROM "Job" WHERE kind = 'probe' AND status = 'running'`);
    expect(running.rows[0].n).toBe(2);
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
      // The engine's own runtime connections (the pool every repository uses) run as the app role, and check every table.
      expect(healthy.body.rowLevelSecurity.tables).toEqual(expect.arrayContaining([...LATER_TABLES, 'Person', 'AuditLog']));

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

describe('the running engine', () => {
  it('answers ordinary requests as estateflow_app, with the principal’s company as the tenant', async () => {
    const engine = await startEngine();
    const owner = new Client({ connectionString: engine.databaseUrl });
    await owner.connect();
    try {
      const [company] = readDemoLogins(engine.dataDir).companies;
      const admin = company?.staff.find((member) => member.role === 'company_admin');
      if (!company || !admin) throw new Error('the demo has no company administrator');
      const client = new HttpClient(engine.url);
      expect((await client.post('/api/auth/login', { email: admin.email, password: admin.password })).status).toBe(200);
      // Estates are behind the wall: the request sees them, so it ran with the company as its tenant…
      const me = await client.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.estates.map((estate: { id: string }) => estate.id).sort()).toEqual(company.estates.map((estate) => estate.id).sort());
      // …and it ran as estateflow_app: take the role's right to read estates, and the same request fails.
      await owner.query('REVOKE SELECT ON "Estate" FROM estateflow_app');
      try {
        expect((await client.get('/api/me')).status).toBe(500);
      } finally {
        await owner.query('GRANT SELECT ON "Estate" TO estateflow_app');
      }
      expect((await client.get('/api/me')).status).toBe(200);
    } finally {
      await owner.end();
      await engine.stop();
    }
  });
});
