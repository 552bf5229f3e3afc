import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, REPOSITORY_ROOT, startEngine, TEST_DATA_KEY } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { signIn } from './session';

const CLI = path.join(REPOSITORY_ROOT, 'engine', 'dist', 'cli', 'estateflow.js');

let engine: EngineProcess;
let admin: HttpClient;

function auditVerify(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [CLI, 'audit', 'verify'], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: engine.databaseUrl,
      ESTATEFLOW_DATA_DIR: engine.dataDir,
      ESTATEFLOW_SEED_DEMO: 'false',
      ESTATEFLOW_DATA_KEY: TEST_DATA_KEY,
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  engine = await startEngine();
  admin = await signIn(engine.url, 'admin@demo.estateflow.cn');
  await signIn(engine.url, 'manager@demo.estateflow.cn');
});

afterAll(async () => {
  await engine?.stop();
});

describe('audit log viewer', () => {
  it('shows a company admin their company’s entries, filtered by action, actor and time', async () => {
    const all = await admin.get('/api/audit');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    const logins = await admin.get('/api/audit?action=auth.login');
    expect(logins.body.items.length).toBeGreaterThanOrEqual(2);
    expect(logins.body.items.every((item: { action: string }) => item.action === 'auth.login')).toBe(true);
    const managerLogin = logins.body.items.find((item: { actor: { name: string } }) => item.actor.name === '王经理');
    expect(managerLogin).toBeDefined();
    const byActor = await admin.get(`/api/audit?actor=${managerLogin.actor.id}`);
    expect(byActor.body.items.every((item: { actor: { id: string } }) => item.actor.id === managerLogin.actor.id)).toBe(true);
    const prefix = await admin.get('/api/audit?action=auth.');
    expect(prefix.body.total).toBeGreaterThanOrEqual(logins.body.total);
    const future = await admin.get('/api/audit?from=2999-01-01');
    expect(future.body.total).toBe(0);
    expect((await admin.get('/api/audit?from=yesterday')).status).toBe(400);
  });

  it('is for company admins only, and never shows another company’s entries', async () => {
    const manager = await signIn(engine.url, 'manager@demo.estateflow.cn');
    expect((await manager.get('/api/audit')).status).toBe(403);
    const otherAdmin = await signIn(engine.url, 'admin@anju.estateflow.cn');
    const theirs = await otherAdmin.get('/api/audit?pageSize=200');
    const ours = await admin.get('/api/audit?pageSize=200');
    const ourIds = new Set(ours.body.items.map((item: { id: string }) => item.id));
    expect(theirs.body.items.some((item: { id: string }) => ourIds.has(item.id))).toBe(false);
  });
});

describe('estateflow audit verify', () => {
  it('passes on an intact chain and names the row a database owner tampered with', async () => {
    const intact = auditVerify();
    expect(intact.output).toMatch(/Audit chain intact: \d+ rows verified/);
    expect(intact.status).toBe(0);

    const owner = new Client({ connectionString: engine.databaseUrl });
    await owner.connect();
    try {
      const victim = await owner.query<{ id: string }>(
        `SELECT id::text AS id FROM "AuditLog" WHERE action = 'auth.login' ORDER BY id LIMIT 1`,
      );
      const id = victim.rows[0]!.id;
      await owner.query(`UPDATE "AuditLog" SET ip = '10.6.6.6' WHERE id = $1::bigint`, [id]);
      const tampered = auditVerify();
      expect(tampered.status).toBe(1);
      expect(tampered.output).toContain(`audit row ${id} `);
      expect(tampered.output).toContain('was changed after it was written');
    } finally {
      await owner.end();
    }
  });
});
