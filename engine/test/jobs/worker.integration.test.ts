import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { eventually, FAST_WORKER, sql } from './probe-workflow';

let first: EngineProcess;
let second: EngineProcess;
let setup: RepairSetup;
let instanceId: string;
let companyId: string;

async function insertNotify(input: { dedupeKey: string; template: string }): Promise<void> {
  await sql(
    first.databaseUrl,
    `INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey") VALUES ($1, $2, 'notify', $3, $4)`,
    [
      companyId,
      instanceId,
      JSON.stringify({ instanceId, template: input.template, to: [{ kind: 'role', role: 'front_desk' }], channels: ['inApp'] }),
      input.dedupeKey,
    ],
  );
}

// These tests are about SKIP LOCKED and incidents, not lease expiry: with FAST_WORKER's 1.5 s lease
// a batch that ran slowly on a loaded machine was rightly taken again by the other process, and
// counted as a second run.
const WORKER = { ...FAST_WORKER, ESTATEFLOW_JOB_LEASE_MS: '30000' };

beforeAll(async () => {
  first = await startEngine({ env: WORKER });
  second = await startEngine({ databaseUrl: first.databaseUrl, dataDir: first.dataDir, env: WORKER });
  setup = await publishAndBindRepair(first.url, first.dataDir);
  const desk = await signInStaff(first.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
  const started = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
  instanceId = started.body.id;
  companyId =
    (await sql<{ companyId: string }>(first.databaseUrl, 'SELECT "companyId" FROM "Instance" WHERE id = $1', [instanceId]))[0]?.companyId ??
    '';
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

describe('the job worker', () => {
  it('two engine processes share the queue without ever running a job twice', async () => {
    for (let index = 0; index < 60; index++) await insertNotify({ dedupeKey: `shared-${index}`, template: 'newRequest' });
    const jobs = await eventually(
      async () => {
        const rows = await sql<{ status: string; attempts: number }>(
          first.databaseUrl,
          `SELECT status::text, attempts FROM "Job" WHERE "dedupeKey" LIKE 'shared-%'`,
        );
        return rows.every((row) => row.status === 'done') ? rows : undefined;
      },
      30_000,
      'every job to finish',
    );
    expect(jobs).toHaveLength(60);
    expect(jobs.every((job) => job.attempts === 1)).toBe(true);
    const [delivered] = await sql<{ count: string }>(
      first.databaseUrl,
      `SELECT count(*) FROM "Notification" WHERE "dedupeKey" LIKE 'shared-%'`,
    );
    expect(Number(delivered?.count)).toBe(60);
  });

  it('a job that cannot succeed becomes an incident at once, without burning its retries', async () => {
    await insertNotify({ dedupeKey: 'missing-template', template: 'noSuchTemplate' });
    const [job] = await eventually(
      async () => {
        const rows = await sql<{ status: string; attempts: number; lastError: string }>(
          first.databaseUrl,
          `SELECT status::text, attempts, "lastError" FROM "Job" WHERE "dedupeKey" = 'missing-template'`,
        );
        return rows[0]?.status === 'failed' ? rows : undefined;
      },
      10_000,
      'the failure',
    );
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    const manager = await signInStaff(first.url, setup.logins, { company: 'demo', email: 'manager@demo.estateflow.cn' });
    const incidents = await manager.get('/api/incidents?status=open');
    expect(incidents.status).toBe(200);
    const incident = incidents.body.items.find(
      (item: { kind: string; message: string }) => item.kind === 'notify' && item.message.includes('noSuchTemplate'),
    );
    expect(incident).toMatchObject({ status: 'open', estateId: setup.estateId, instance: { id: instanceId } });

    // Another company's admin sees nothing of it, and cannot touch it.
    const other = await signInStaff(first.url, setup.logins, { company: 'anju', email: 'admin@anju.estateflow.cn' });
    expect((await other.get('/api/incidents')).body.items).toEqual([]);
    expect((await other.post(`/api/incidents/${incident.id}/resolve`)).status).toBe(404);

    const resolved = await manager.post(`/api/incidents/${incident.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved' });
    expect((await manager.get('/api/incidents?status=resolved')).body.items.map((item: { id: string }) => item.id)).toContain(incident.id);
  });
});
