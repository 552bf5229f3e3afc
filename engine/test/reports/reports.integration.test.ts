import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { FAST_WORKER, sql } from '../jobs/probe-workflow';
import { signInOwner, signInStaff } from '../instances/workflow-setup';

// Reports (DOMAIN.md): four real repairs through the engine, then their times set to known
// moments, so that every figure of the report has one right answer.

let engine: EngineProcess;
let logins: DemoLogins;
let sunshineId: string;
let galaxyId: string;
let desk: HttpClient;
let manager: HttpClient;

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7)]);

beforeAll(async () => {
  engine = await startEngine({ env: FAST_WORKER });
  logins = readDemoLogins(engine.dataDir);
  const demo = logins.companies.find((company) => company.code === 'demo');
  sunshineId = demo?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  galaxyId = demo?.estates.find((estate) => estate.code === 'galaxy')?.id ?? '';
  desk = await signIn('frontdesk@demo.estateflow.cn');
  manager = await signIn('manager@demo.estateflow.cn');
});
afterAll(async () => {
  await engine?.stop();
});

const signIn = (email: string, company = 'demo') => signInStaff(engine.url, logins, { company, email });

async function send(client: HttpClient, id: string, type: string, data: Record<string, unknown> = {}): Promise<void> {
  const sent = await client.post(`/api/instances/${id}/events`, { type, data });
  expect(sent.status, `${type}: ${JSON.stringify(sent.body)}`).toBe(200);
}

/** A repair filed at the desk for a unit; returns its id and reference. */
async function fileRepair(unitId: string, category: string): Promise<{ id: string; reference: string }> {
  const started = await desk.post(`/api/estates/${sunshineId}/instances`, {
    workflowKey: 'repair',
    unitId,
    data: { locationType: 'unit', unitId, category, description: '卫生间漏水', urgency: 'normal', contactPhone: '13812345678' },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return { id: started.body.id, reference: started.body.reference };
}

/** Dispatched, done on site with a photo, and confirmed with `rating` stars at the desk. */
async function carryThrough(id: string, rating: number): Promise<void> {
  const technicians = await desk.get(`/api/estates/${sunshineId}/staff?role=technician`);
  const tech1 = technicians.body.find((person: { email?: string; name: string }) => person.name === '张师傅');
  expect(tech1, JSON.stringify(technicians.body)).toBeDefined();
  await send(desk, id, 'DISPATCH', { technicianId: tech1.id });
  const technician = await signIn('tech1@demo.estateflow.cn');
  await send(technician, id, 'ACCEPT');
  await send(technician, id, 'ARRIVE');
  const form = new FormData();
  form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'done.jpg');
  form.append('estateId', sunshineId);
  form.append('instanceId', id);
  const photo = await technician.request('POST', '/api/attachments', { formData: form });
  expect(photo.status, JSON.stringify(photo.body)).toBe(201);
  await send(technician, id, 'COMPLETE', { result: '更换水管接头', photos: [photo.body.id] });
  await send(desk, id, 'CONFIRM', { rating });
}

/** Sets an instance's created (and completed) moment, and every one of its tasks' times and deadlines. */
async function setTimes(
  id: string,
  times: { createdAt: string; completedAt?: string; respondedAt?: string; respondDueAt?: string; completeDueAt?: string },
): Promise<void> {
  await sql(engine.databaseUrl, `UPDATE "Instance" SET "createdAt" = $2, "completedAt" = $3 WHERE id = $1`, [
    id,
    times.createdAt,
    times.completedAt ?? null,
  ]);
  // The first staff task is the one responded to; no other task has a time or a deadline.
  await sql(
    engine.databaseUrl,
    `UPDATE "Task" t SET "claimedAt" = NULL,
            "completedAt" = CASE WHEN t.id = first.id THEN $2::timestamptz WHEN t.status IN ('done', 'cancelled') THEN $5::timestamptz END,
            "respondDueAt" = CASE WHEN t.id = first.id THEN $3::timestamptz END,
            "completeDueAt" = CASE WHEN t.id = first.id THEN $4::timestamptz END
       FROM (SELECT id FROM "Task" WHERE "instanceId" = $1 AND "assigneePersonId" IS NULL ORDER BY "createdAt", id LIMIT 1) AS first
      WHERE t."instanceId" = $1`,
    [
      id,
      times.respondedAt ?? null,
      times.respondDueAt ?? null,
      times.completeDueAt ?? null,
      times.completedAt ?? times.respondedAt ?? null,
    ],
  );
}

describe('reports', () => {
  let done: { id: string; reference: string };
  let open: { id: string; reference: string };
  let cancelled: { id: string; reference: string };
  let november: { id: string; reference: string };

  beforeAll(async () => {
    const units = await desk.get(`/api/estates/${sunshineId}/units?q=`);
    const unitId: string = units.body[0].id;
    done = await fileRepair(unitId, 'plumbing_electric');
    open = await fileRepair(unitId, 'plumbing_electric');
    cancelled = await fileRepair(unitId, 'plumbing_electric');
    november = await fileRepair(unitId, 'plumbing_electric');
    await carryThrough(done.id, 4);
    await send(desk, cancelled.id, 'CANCEL', { reason: '业主自行修好' });
    // Shanghai is UTC+8. Responded in 10 min, before its 2 h deadline; completed 5 h after filing.
    await setTimes(done.id, {
      createdAt: '2026-10-05T01:00:00Z',
      respondedAt: '2026-10-05T01:10:00Z',
      completeDueAt: '2026-10-05T03:00:00Z',
      completedAt: '2026-10-05T06:00:00Z',
    });
    // 00:30 on 1 October in the estate, though still 30 September in UTC; still waiting, past its 15 min.
    await setTimes(open.id, { createdAt: '2026-09-30T16:30:00Z', respondDueAt: '2026-09-30T16:45:00Z' });
    await setTimes(cancelled.id, { createdAt: '2026-10-07T03:00:00Z' });
    // 00:30 on 1 November in the estate: not October's.
    await setTimes(november.id, { createdAt: '2026-10-31T16:30:00Z' });
  });

  it("counts October's requests by the estate's own dates: volume, response, completion, SLA, satisfaction", async () => {
    const report = await manager.get(`/api/reports/summary?estateId=${sunshineId}&from=2026-10-01&to=2026-10-31`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(report.body.estates).toEqual([{ id: sunshineId, name: expect.any(String), satisfactionTarget: 4.2 }]);
    expect(report.body.satisfactionTarget).toBe(4.2);
    const figures = {
      created: 3,
      completed: 1,
      cancelled: 1,
      open: 1,
      averageResponseMinutes: 10,
      averageCompletionHours: 5,
      tasksWithSla: 2,
      slaBreached: 1,
      onTimeRate: 0.5,
      rated: 1,
      averageRating: 4,
      satisfiedShare: 1,
    };
    expect(report.body.totals).toEqual(figures);
    expect(report.body.byWorkflow).toEqual([{ workflowKey: 'repair', name: { 'zh-CN': '报修工单', en: expect.any(String) }, ...figures }]);
    expect(report.body.byEstate).toEqual([
      { estateId: sunshineId, name: report.body.estates[0].name, satisfactionTarget: 4.2, ...figures },
    ]);
    // A unit with two live requests of one category is a repeat fault; the cancelled one does not count.
    expect(report.body.repeatFaults).toEqual([
      {
        estateId: sunshineId,
        unitId: expect.any(String),
        unitLabel: expect.any(String),
        workflowKey: 'repair',
        category: 'plumbing_electric',
        categoryLabel: { 'zh-CN': '水电', en: expect.any(String) },
        count: 2,
        requests: [
          { id: done.id, reference: done.reference },
          { id: open.id, reference: open.reference },
        ],
      },
    ]);
    expect(report.body.trend).toHaveLength(12);
    expect(report.body.trend[0].month).toBe('2025-11');
    expect(report.body.trend[11]).toEqual({ month: '2026-10', created: 3, completed: 1 });
    expect(report.body.trend[10]).toEqual({ month: '2026-09', created: 0, completed: 0 });
  });

  it('reports November and a company-wide view for the company admin, every estate listed', async () => {
    const admin = await signIn('admin@demo.estateflow.cn');
    const report = await admin.get('/api/reports/summary?from=2026-10-01&to=2026-11-30&workflowKey=repair');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.estates.map((estate: { id: string }) => estate.id).sort()).toEqual([sunshineId, galaxyId].sort());
    expect(report.body.totals.created).toBe(4);
    const byEstate = new Map(report.body.byEstate.map((row: { estateId: string; created: number }) => [row.estateId, row.created]));
    expect(byEstate).toEqual(
      new Map([
        [sunshineId, 4],
        [galaxyId, 0],
      ]),
    );
    expect(report.body.trend.slice(-2)).toEqual([
      { month: '2026-10', created: 3, completed: 1 },
      { month: '2026-11', created: 1, completed: 0 },
    ]);
    const other = await admin.get('/api/reports/summary?from=2026-10-01&to=2026-10-31&workflowKey=complaint');
    expect(other.body.totals).toMatchObject({ created: 0, averageResponseMinutes: null, onTimeRate: null, averageRating: null });
  });

  it("measures satisfaction against each estate's own target, which its manager sets", async () => {
    const manager = await signIn('manager@demo.estateflow.cn');
    const set = await manager.request('PATCH', `/api/admin/estates/${sunshineId}`, { body: { satisfactionTarget: 4.5 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.satisfactionTarget).toBe(4.5);
    try {
      const own = await manager.get(`/api/reports/summary?estateId=${sunshineId}&from=2026-10-01&to=2026-10-31`);
      expect(own.body.satisfactionTarget).toBe(4.5);
      expect(own.body.estates).toEqual([{ id: sunshineId, name: expect.any(String), satisfactionTarget: 4.5 }]);
      // Company-wide, the estates aim differently: no one target for the whole, each row its own.
      const admin = await signIn('admin@demo.estateflow.cn');
      const all = await admin.get('/api/reports/summary?from=2026-10-01&to=2026-10-31');
      expect(all.body.satisfactionTarget).toBeNull();
      const targets = new Map(
        all.body.byEstate.map((row: { estateId: string; satisfactionTarget: number }) => [row.estateId, row.satisfactionTarget]),
      );
      expect(targets).toEqual(
        new Map([
          [sunshineId, 4.5],
          [galaxyId, 4.2],
        ]),
      );

      for (const [value, status, message] of [
        [4.25, 422, 'more than one decimal'],
        [6, 400, 'satisfactionTarget'],
        ['high', 400, 'satisfactionTarget'],
      ] as const) {
        const refused = await manager.request('PATCH', `/api/admin/estates/${sunshineId}`, { body: { satisfactionTarget: value } });
        expect(refused.status, JSON.stringify(refused.body)).toBe(status);
        expect(JSON.stringify(refused.body)).toContain(message);
      }
      const technician = await signIn('tech1@demo.estateflow.cn');
      const forbidden = await technician.request('PATCH', `/api/admin/estates/${sunshineId}`, { body: { satisfactionTarget: 3 } });
      expect(forbidden.status).toBe(403);
      expect((await manager.get(`/api/admin/estates/${sunshineId}`)).body.satisfactionTarget).toBe(4.5);
    } finally {
      await manager.request('PATCH', `/api/admin/estates/${sunshineId}`, { body: { satisfactionTarget: 4.2 } });
    }
  });

  it('exports every request of the period as a spreadsheet Excel opens in Chinese', async () => {
    const csv = await manager.request('GET', `/api/reports/requests.csv?estateId=${sunshineId}&from=2026-10-01&to=2026-10-31`, {
      raw: true,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent('工单明细-2026-10-01-2026-10-31.csv'));
    const bytes = Buffer.from(csv.bytes ?? new ArrayBuffer(0));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 3)).toEqual(['编号', '标题', '流程']);
    expect(lines).toHaveLength(4);
    const doneLine = lines.find((line) => line.startsWith(done.reference)) ?? '';
    expect(doneLine).toContain('报修工单');
    expect(doneLine).toContain('已完成');
    expect(doneLine).toContain('2026-10-05 09:00');
    expect(doneLine.endsWith(',10,5,1,0,4')).toBe(true);
    expect(lines.some((line) => line.startsWith(november.reference))).toBe(false);
    const english = await manager.request('GET', `/api/reports/requests.csv?estateId=${sunshineId}&from=2026-10-01&to=2026-10-31&lang=en`, {
      raw: true,
    });
    expect(
      Buffer.from(english.bytes ?? new ArrayBuffer(0))
        .toString('utf8')
        .slice(1)
        .split('\r\n')[0],
    ).toMatch(/^Reference,Title,Workflow/);
  });

  it('is for managers, supervisors, finance and admins of the estate; other staff and owners are told, other companies see nothing', async () => {
    const technician = await signIn('tech1@demo.estateflow.cn');
    const refused = await technician.get(`/api/reports/summary?estateId=${sunshineId}`);
    expect(refused.status).toBe(403);
    expect((await technician.get('/api/reports/summary')).status).toBe(403);
    const owner = await signInOwner(engine.url, logins.companies.find((company) => company.code === 'demo')?.owners[0]?.phone ?? '');
    expect((await owner.get('/api/reports/summary')).status).toBe(403);
    expect((await owner.get(`/api/reports/summary?estateId=${sunshineId}`)).status).toBe(403);
    const finance = await signIn('finance@demo.estateflow.cn');
    expect((await finance.get(`/api/reports/summary?estateId=${sunshineId}`)).status).toBe(200);
    // The sunshine manager has no role in galaxy.
    expect([403, 404]).toContain((await manager.get(`/api/reports/summary?estateId=${galaxyId}`)).status);
    const stranger = await signIn('admin@anju.estateflow.cn', 'anju');
    expect((await stranger.get(`/api/reports/summary?estateId=${sunshineId}`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/reports/requests.csv?estateId=${sunshineId}`, { raw: true })).status).toBe(404);
  });

  it('says which field to change when the period or a filter cannot be read', async () => {
    const cases: [string, string][] = [
      ['from=2026-02-30', 'from'],
      ['from=2026-11-02&to=2026-11-01', 'from'],
      ['from=2025-01-01&to=2026-10-31', 'from'],
      ['to=yesterday', 'to'],
      ['estateId=sunshine', 'estateId'],
      ['workflowKey=../repair', 'workflowKey'],
    ];
    for (const [query, field] of cases) {
      const refused = await manager.get(`/api/reports/summary?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.details.fields[0].field, query).toBe(field);
      expect(refused.body.error.message, query).toContain(`"${field}"`);
    }
  });
});
