import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { eventually, FAST_WORKER, sql } from './probe-workflow';

let engine: EngineProcess;
let setup: RepairSetup;
const signIn = (email: string): Promise<HttpClient> => signInStaff(engine.url, setup.logins, { company: 'demo', email });

beforeAll(async () => {
  engine = await startEngine({ env: FAST_WORKER });
  setup = await publishAndBindRepair(engine.url, engine.dataDir);
});
afterAll(async () => {
  await engine?.stop();
});

async function escalations(client: HttpClient, reference: string): Promise<{ title: string; body: string }[]> {
  const inbox = await client.get('/api/notifications');
  return inbox.body.items.filter(
    (item: { templateKey: string; title: string }) => item.templateKey === 'escalation' && item.title.includes(reference),
  );
}

describe('SLA escalation ladder', () => {
  it('a first breach goes to the engineering supervisor, a second to the estate manager, each once', async () => {
    const desk = await signIn('frontdesk@demo.estateflow.cn');
    const started = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
    expect(started.status).toBe(201);
    const { id, reference } = started.body;
    const supervisor = await signIn('supervisor@demo.estateflow.cn');
    const manager = await signIn('manager@demo.estateflow.cn');

    // The dispatch deadline passes while the task is still unclaimed.
    await sql(
      engine.databaseUrl,
      `UPDATE "Task" SET "respondDueAt" = now() - interval '1 second' WHERE "instanceId" = $1 AND status = 'open'`,
      [id],
    );
    const first = await eventually(async () => (await escalations(supervisor, reference))[0], 10_000, 'the first escalation');
    expect(first.body).toContain('响应超时');
    expect(first.body).toContain('第 1 级');
    expect(await escalations(manager, reference)).toEqual([]);

    // Then the completion deadline passes too: the second rung.
    await sql(
      engine.databaseUrl,
      `UPDATE "Task" SET "completeDueAt" = now() - interval '1 second' WHERE "instanceId" = $1 AND status = 'open'`,
      [id],
    );
    const second = await eventually(async () => (await escalations(manager, reference))[0], 10_000, 'the second escalation');
    expect(second.body).toContain('第 2 级');

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await escalations(supervisor, reference)).toHaveLength(1);
    expect(await escalations(manager, reference)).toHaveLength(1);
    const [task] = await sql<{ escalationLevel: number }>(
      engine.databaseUrl,
      `SELECT "escalationLevel" FROM "Task" WHERE "instanceId" = $1 AND status = 'open'`,
      [id],
    );
    expect(task?.escalationLevel).toBe(2);
  });

  it('a task claimed before its respond deadline is not escalated for it', async () => {
    const desk = await signIn('frontdesk@demo.estateflow.cn');
    const started = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
    const { id, reference } = started.body;
    await sql(
      engine.databaseUrl,
      `UPDATE "Task" SET "claimedAt" = now() - interval '10 minutes', status = 'claimed', "respondDueAt" = now() - interval '1 second' WHERE "instanceId" = $1 AND status = 'open'`,
      [id],
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await escalations(await signIn('supervisor@demo.estateflow.cn'), reference)).toEqual([]);
  });
});

describe('schedules', () => {
  it('an estate manager schedules a recurring workflow; a due run starts exactly one instance as the system', async () => {
    const manager = await signIn('manager@demo.estateflow.cn');
    const created = await manager.post(`/api/estates/${setup.estateId}/schedules`, {
      workflowKey: setup.workflowKey,
      name: '每月水泵房检查',
      rule: { every: 'month', at: '09:00', day: 1 },
      data: repairReport({ description: '月度例行检查' }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(new Date(created.body.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    expect((await (await signIn('frontdesk@demo.estateflow.cn')).get(`/api/estates/${setup.estateId}/schedules`)).status).toBe(403);
    // The engineering supervisor runs the rounds: reads the schedules, does not change them.
    const supervisor = await signIn('supervisor@demo.estateflow.cn');
    const seen = await supervisor.get(`/api/estates/${setup.estateId}/schedules`);
    expect(seen.status).toBe(200);
    expect(seen.body.map((schedule: { id: string }) => schedule.id)).toContain(created.body.id);
    expect((await supervisor.put(`/api/schedules/${created.body.id}`, { active: false })).status).toBe(403);
    expect(
      (
        await manager.post(`/api/estates/${setup.estateId}/schedules`, {
          workflowKey: 'x',
          name: 'x',
          rule: { every: 'hour', at: '09:00' },
        })
      ).status,
    ).toBe(400);

    await sql(engine.databaseUrl, `UPDATE "Schedule" SET "nextRunAt" = now() - interval '1 minute' WHERE id = $1`, [created.body.id]);
    const instance = await eventually(
      async () => {
        const [row] = await sql<{ id: string; createdByKind: string }>(
          engine.databaseUrl,
          `SELECT id, "createdByKind"::text FROM "Instance" WHERE data->>'description' = '月度例行检查'`,
        );
        return row;
      },
      10_000,
      'the scheduled instance',
    );
    expect(instance.createdByKind).toBe('system');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const all = await sql(engine.databaseUrl, `SELECT 1 FROM "Instance" WHERE data->>'description' = '月度例行检查'`);
    expect(all).toHaveLength(1);
    const [schedule] = await sql<{ nextRunAt: Date }>(engine.databaseUrl, `SELECT "nextRunAt" FROM "Schedule" WHERE id = $1`, [
      created.body.id,
    ]);
    expect(schedule?.nextRunAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('child workflows', () => {
  it('a start_child job starts one linked child, however often it runs', async () => {
    const desk = await signIn('frontdesk@demo.estateflow.cn');
    const parent = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
    const [row] = await sql<{ companyId: string }>(engine.databaseUrl, 'SELECT "companyId" FROM "Instance" WHERE id = $1', [
      parent.body.id,
    ]);
    const payload = JSON.stringify({
      parentInstanceId: parent.body.id,
      estateId: setup.estateId,
      seq: 1,
      workflowKey: setup.workflowKey,
      data: repairReport({ description: '巡检异常：水泵漏水' }),
      index: 0,
    });
    await sql(
      engine.databaseUrl,
      `INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey") VALUES ($1, $2, 'start_child', $3, 'child-probe')`,
      [row?.companyId, parent.body.id, payload],
    );
    const child = await eventually(
      async () =>
        (await sql<{ id: string }>(engine.databaseUrl, `SELECT id FROM "Instance" WHERE "parentInstanceId" = $1`, [parent.body.id]))[0],
      10_000,
      'the child',
    );
    expect((await desk.get(`/api/instances/${child.id}`)).body.data.description).toBe('巡检异常：水泵漏水');

    // Run the same job again, as after a crash between start and acknowledgement.
    await sql(engine.databaseUrl, `UPDATE "Job" SET status = 'pending', "runAt" = now() WHERE "dedupeKey" = 'child-probe'`);
    await eventually(
      async () => {
        const [job] = await sql<{ status: string; attempts: number }>(
          engine.databaseUrl,
          `SELECT status::text, attempts FROM "Job" WHERE "dedupeKey" = 'child-probe'`,
        );
        return job?.status === 'done' && job.attempts === 2 ? job : undefined;
      },
      10_000,
      'the rerun',
    );
    expect(await sql(engine.databaseUrl, `SELECT 1 FROM "Instance" WHERE "parentInstanceId" = $1`, [parent.body.id])).toHaveLength(1);
  });
});
