import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { signInStaff } from '../instances/workflow-setup';
import { eventually, FAST_WORKER, publishProbe, sql } from '../jobs/probe-workflow';
import { signInOwner } from '../instances/workflow-setup';

const KEY = 'probe';
let engine: EngineProcess;
let estateId: string;
let instanceId: string;
let companyId: string;

const signIn = (email: string): Promise<HttpClient> => signInStaff(engine.url, readDemoLogins(engine.dataDir), { company: 'demo', email });

beforeAll(async () => {
  // The engine dies the first time it has delivered a notification but not yet marked its job done.
  engine = await startEngine({ env: { ...FAST_WORKER, ESTATEFLOW_WORKERS: 'false' } });
  const logins = readDemoLogins(engine.dataDir);
  estateId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  const admin = await signIn('admin@demo.estateflow.cn');
  await publishProbe(admin, { estateId, key: KEY });
  const desk = await signIn('frontdesk@demo.estateflow.cn');
  const started = await desk.post(`/api/estates/${estateId}/instances`, { workflowKey: KEY, data: { note: '三楼 & 水管 <漏水>' } });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  instanceId = started.body.id;
  expect((await desk.post(`/api/instances/${instanceId}/events`, { type: 'HANDLE', data: {} })).status).toBe(200);
  const [row] = await sql<{ companyId: string }>(engine.databaseUrl, 'SELECT "companyId" FROM "Instance" WHERE id = $1', [instanceId]);
  companyId = row?.companyId ?? '';
  // The engineering supervisor reads English.
  await sql(engine.databaseUrl, `UPDATE "StaffUser" SET locale = 'en' WHERE email = 'supervisor@demo.estateflow.cn'`);
  await sql(engine.databaseUrl, `UPDATE "Job" SET status = 'cancelled' WHERE kind = 'notify'`);
  await engine.stop();
});
afterAll(async () => {
  await engine?.stop();
});

describe('notifications', () => {
  it('a worker killed between delivering and acknowledging delivers nothing twice after its restart', async () => {
    await sql(
      engine.databaseUrl,
      `INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey") VALUES ($1, $2, 'notify', $3, 'crash-probe')`,
      [
        companyId,
        instanceId,
        JSON.stringify({
          instanceId,
          estateId,
          template: 'timedOut',
          to: [
            { kind: 'role', role: 'front_desk' },
            { kind: 'role', role: 'engineering_supervisor' },
          ],
          channels: ['inApp', 'email'],
        }),
      ],
    );
    engine = await startEngine({
      databaseUrl: engine.databaseUrl,
      dataDir: engine.dataDir,
      env: { ...FAST_WORKER, ESTATEFLOW_TEST_CRASH_AT: 'notify:before-ack' },
    });
    await eventually(
      async () => {
        const [job] = await sql<{ status: string; attempts: number }>(
          engine.databaseUrl,
          `SELECT status::text, attempts FROM "Job" WHERE "dedupeKey" = 'crash-probe'`,
        );
        return job?.status === 'running' && job.attempts === 1 ? job : undefined;
      },
      15_000,
      'the first attempt',
    );
    await eventually(
      async () =>
        await fetch(`${engine.url}/api/health`).then(
          () => undefined,
          () => true,
        ),
      10_000,
      'the engine to die',
    );

    engine = await engine.restart();
    const job = await eventually(
      async () => {
        const [row] = await sql<{ status: string; attempts: number }>(
          engine.databaseUrl,
          `SELECT status::text, attempts FROM "Job" WHERE "dedupeKey" = 'crash-probe'`,
        );
        return row?.status === 'done' ? row : undefined;
      },
      15_000,
      'the retaken job',
    );
    expect(job.attempts).toBe(2);

    const rows = await sql<{ channel: string; count: string }>(
      engine.databaseUrl,
      `SELECT channel, count(*) FROM "Notification" WHERE "dedupeKey" LIKE 'crash-probe:%' GROUP BY channel ORDER BY channel`,
    );
    expect(rows).toEqual([
      { channel: 'email', count: '2' },
      { channel: 'in_app', count: '2' },
    ]);
    const mails = fs
      .readFileSync(path.join(engine.dataDir, 'messages.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"channel":"email"') && (line.includes('已超时') || line.includes('Timed out')));
    expect(mails).toHaveLength(2);
  });

  it('renders each recipient the template in their language, with text kept as text', async () => {
    const desk = await signIn('frontdesk@demo.estateflow.cn');
    const supervisor = await signIn('supervisor@demo.estateflow.cn');
    const [reference] = await sql<{ reference: string }>(engine.databaseUrl, 'SELECT reference FROM "Instance" WHERE id = $1', [
      instanceId,
    ]);
    const zh = (await desk.get('/api/notifications')).body.items.find((item: { templateKey: string }) => item.templateKey === 'timedOut');
    const en = (await supervisor.get('/api/notifications')).body.items.find(
      (item: { templateKey: string }) => item.templateKey === 'timedOut',
    );
    expect(zh).toMatchObject({ title: '已超时', body: `${reference?.reference} 已超时：三楼 & 水管 <漏水>`, instanceId });
    expect(en).toMatchObject({ title: 'Timed out', body: `${reference?.reference} timed out: 三楼 & 水管 <漏水>` });
  });

  it('counts unread notifications and marks them read, one or all, only for their recipient', async () => {
    const desk = await signIn('frontdesk@demo.estateflow.cn');
    const supervisor = await signIn('supervisor@demo.estateflow.cn');
    const before = await desk.get('/api/notifications?unread=true');
    expect(before.body.unread).toBeGreaterThan(0);
    const first = before.body.items[0];
    expect((await supervisor.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    const read = await desk.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.unread).toBe(before.body.unread - 1);
    expect((await desk.get('/api/notifications?unread=true')).body.items.map((item: { id: string }) => item.id)).not.toContain(first.id);
    expect((await desk.post('/api/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await supervisor.get('/api/notifications')).body.unread).toBeGreaterThan(0);
  });
});

describe('template preview for the designer', () => {
  it('renders a template over sample data with the date, money and masking helpers', async () => {
    const admin = await signIn('admin@demo.estateflow.cn');
    const response = await admin.post('/api/notifications/preview', {
      template: {
        title: '押金 {{money data.depositFen}}',
        body: '{{recipient.name}}，{{date instance.createdAt}} 来电 {{maskPhone data.phone}}',
      },
      locale: 'zh-CN',
      sample: {
        instance: { createdAt: '2026-11-21T06:30:00Z' },
        data: { depositFen: 250000, phone: '13812345678' },
        recipient: { name: '王先生' },
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ title: '押金 ¥2,500.00', body: '王先生，2026-11-21 14:30 来电 138****5678' });
  });

  it('refuses templates reaching for the prototype or unescaped output, and leaves Object.prototype alone', async () => {
    const admin = await signIn('admin@demo.estateflow.cn');
    for (const body of [
      '{{constructor.constructor}}',
      '{{__proto__.polluted}}',
      '{{lookup this "constructor"}}',
      '{{{data.html}}}',
      '{{#with this}}{{prototype}}{{/with}}',
      '{{> partial}}',
    ]) {
      const response = await admin.post('/api/notifications/preview', {
        template: { title: 't', body },
        locale: 'en',
        sample: { data: { html: '<b>x</b>' } },
      });
      expect(response.status, body).toBe(422);
      expect(response.body.error.details.problems.length).toBeGreaterThan(0);
    }
    const polluting = await admin.request('POST', '/api/notifications/preview', {
      rawBody: '{"template":{"title":"t","body":"{{data.polluted}}"},"locale":"en","sample":{"data":{"__proto__":{"polluted":"yes"}}}}',
    });
    expect(polluting.status).toBe(400);
    const harmless = await admin.post('/api/notifications/preview', {
      template: { title: 't', body: '[{{data.polluted}}]' },
      locale: 'en',
      sample: { data: {} },
    });
    expect(harmless.body.body).toBe('[]');
  });

  it('is for staff only', async () => {
    const logins = readDemoLogins(engine.dataDir);
    const owner = logins.companies.find((company) => company.code === 'demo')?.owners[0];
    expect(owner).toBeDefined();
    const client = await signInOwner(engine.url, owner?.phone ?? '');
    expect(
      (await client.post('/api/notifications/preview', { template: { title: 't', body: 'b' }, locale: 'zh-CN', sample: {} })).status,
    ).toBe(403);
    expect((await client.get('/api/notifications')).status).toBe(200);
  });
});
