import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { signInOwner, signInStaff } from '../instances/workflow-setup';
import { sql } from '../jobs/probe-workflow';

// Notices (公告) to residents — DOMAIN.md: "grouped (only the high floors for a lift outage), by
// in-app message, SMS or WeChat template message".

let engine: EngineProcess;
let logins: DemoLogins;
let sunshineId: string;

interface Resident {
  phone: string;
  buildingId: string;
  floor: number;
}

/** The demo owners of the sunshine estate with where they live. */
async function residents(): Promise<Resident[]> {
  const units = await sql<{ id: string; buildingId: string; floor: number }>(
    engine.databaseUrl,
    `SELECT id, "buildingId", floor FROM "Unit" WHERE "estateId" = $1`,
    [sunshineId],
  );
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const company = logins.companies.find((entry) => entry.code === 'demo');
  return (company?.owners ?? []).flatMap((owner) =>
    owner.units.flatMap((unitId) => {
      const unit = byId.get(unitId);
      return unit === undefined ? [] : [{ phone: owner.phone, buildingId: unit.buildingId, floor: unit.floor }];
    }),
  );
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
  sunshineId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
}, 240_000);

afterAll(async () => {
  await engine?.stop();
});

describe('notices to residents', () => {
  it('reaches only the residents of the floors a lift serves, in the portal and by SMS, once each', async () => {
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const people = await residents();
    // The building with the most demo owners, and a floor that splits them.
    const counts = new Map<string, number>();
    for (const person of people) counts.set(person.buildingId, (counts.get(person.buildingId) ?? 0) + 1);
    const buildingId = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const inBuilding = people.filter((person) => person.buildingId === buildingId).sort((a, b) => a.floor - b.floor);
    const from = inBuilding[Math.floor(inBuilding.length / 2)]?.floor ?? 1;
    const high = inBuilding.find((person) => person.floor >= from);
    const low = people.find((person) => person.buildingId !== buildingId || person.floor < from);
    if (!high || !low) throw new Error('the demo has no owner on both sides of the floor');

    const [expected] = await sql<{ count: number }>(
      engine.databaseUrl,
      `SELECT count(DISTINCT r."personId")::int AS count FROM "Residency" r JOIN "Unit" u ON u.id = r."unitId"
        WHERE r."estateId" = $1 AND r."endedAt" IS NULL AND u."buildingId" = $2 AND u.floor >= $3`,
      [sunshineId, buildingId, from],
    );
    const audience = { buildingIds: [buildingId], floors: { from } };
    const preview = await desk.post(`/api/estates/${sunshineId}/notices`, {
      title: '电梯停运',
      body: '明日 9:00–12:00 检修',
      audience,
      dryRun: true,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toEqual({ recipientCount: expected?.count });
    expect((await desk.get(`/api/estates/${sunshineId}/notices`)).body).toEqual([]);

    const title = `电梯停运 ${Date.now()}`;
    const body = '3栋 2 号梯明日 9:00–12:00 检修停运，{{请}}走 1 号梯。';
    const sent = await desk.post(`/api/estates/${sunshineId}/notices`, { title, body, audience, channels: ['inApp', 'sms'] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ title, body, audience, channels: ['inApp', 'sms'], recipientCount: expected?.count });
    expect(sent.body.createdBy.name).toBeTruthy();

    const owner = await signInOwner(engine.url, high.phone);
    const mine = await waitFor(async () => {
      const page = await owner.get('/api/notifications');
      return page.body.items.find((item: { title: string }) => item.title === title);
    }, 'the notice in the owner’s messages');
    // The text is the notice's own, braces and all: never run as a template.
    expect(mine.body).toBe(body);
    expect(mine.instanceId).toBeNull();
    const elsewhere = await signInOwner(engine.url, low.phone);
    expect((await elsewhere.get('/api/notifications')).body.items.map((item: { title: string }) => item.title)).not.toContain(title);

    // Every resident once on each channel (a delivery is one Notification row per channel).
    const delivered = await waitFor(async () => {
      const rows = await sql<{ channel: string; count: number }>(
        engine.databaseUrl,
        `SELECT channel, count(*)::int AS count FROM "Notification" WHERE title = $1 GROUP BY channel ORDER BY channel`,
        [title],
      );
      return rows.length === 2 && rows.every((row) => row.count >= (expected?.count ?? 0)) ? rows : undefined;
    }, 'every delivery');
    expect(delivered).toEqual([
      { channel: 'in_app', count: expected?.count },
      { channel: 'sms', count: expected?.count },
    ]);
    const texts = fs
      .readFileSync(path.join(engine.dataDir, 'messages.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.includes(title));
    expect(texts).toHaveLength(expected?.count ?? -1);
    expect(texts.some((line) => line.includes(high.phone))).toBe(true);

    const list = await desk.get(`/api/estates/${sunshineId}/notices`);
    expect(list.body.map((notice: { title: string }) => notice.title)).toEqual([title]);
    const [audit] = await sql<{ count: number }>(
      engine.databaseUrl,
      `SELECT count(*)::int AS count FROM "AuditLog" WHERE action = 'notice.send'`,
    );
    expect(audit?.count).toBe(1);
  });

  it('says what is wrong with a notice, sends nothing, and is for the estate’s management and desk only', async () => {
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const notice = { title: '停水通知', body: '周三 10:00–14:00 停水' };
    const before = (await desk.get(`/api/estates/${sunshineId}/notices`)).body.length;
    const cases: [unknown, number, string][] = [
      [{ ...notice, audience: { floors: { from: 12, to: 3 } } }, 400, 'the first floor is above the last'],
      [{ ...notice, audience: { buildingIds: ['00000000-0000-4000-8000-000000000000'] } }, 422, 'is not a building of this estate'],
      [{ ...notice, audience: { floors: { from: 150 } } }, 422, 'No resident lives where this notice is addressed'],
      [{ ...notice, title: '   ' }, 400, 'title'],
      [{ ...notice, channels: ['fax'] }, 400, 'channels'],
    ];
    for (const [request, status, message] of cases) {
      const refused = await desk.post(`/api/estates/${sunshineId}/notices`, request);
      expect(refused.status, JSON.stringify(refused.body)).toBe(status);
      expect(JSON.stringify(refused.body)).toContain(message);
    }
    expect((await desk.get(`/api/estates/${sunshineId}/notices`)).body).toHaveLength(before);

    const technician = await signInStaff(engine.url, logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    expect((await technician.post(`/api/estates/${sunshineId}/notices`, notice)).status).toBe(403);
    const otherCompany = await signInStaff(engine.url, logins, { company: 'anju', email: 'admin@anju.estateflow.cn' });
    expect((await otherCompany.post(`/api/estates/${sunshineId}/notices`, notice)).status).toBe(404);
    expect((await otherCompany.get(`/api/estates/${sunshineId}/notices`)).status).toBe(404);
  });
});
