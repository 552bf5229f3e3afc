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

  it('sends a scheduled notice at its time; withdrawn, a scheduled one never goes and a sent one leaves the owners’ messages', async () => {
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const [someone] = await residents();
    if (!someone) throw new Error('the demo has no owner');
    const owner = await signInOwner(engine.url, someone.phone);
    const titles = async () => (await owner.get('/api/notifications')).body.items.map((item: { title: string }) => item.title);
    const audience = { buildingIds: [someone.buildingId], floors: { from: someone.floor, to: someone.floor } };
    const inTwoMinutes = new Date(Date.now() + 2 * 60_000).toISOString();
    // When its time comes: the delivery job is due (what a clock two minutes on would see).
    const timeComes = (noticeId: string) =>
      sql(engine.databaseUrl, `UPDATE "Job" SET "runAt" = now() WHERE "dedupeKey" = $1 AND status = 'pending'`, [`notice:${noticeId}`]);

    const water = { title: `停水通知 ${Date.now()}`, body: '周三 10:00–14:00 停水', audience, sendAt: inTwoMinutes };
    const scheduled = await desk.post(`/api/estates/${sunshineId}/notices`, water);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', sendAt: inTwoMinutes, withdrawn: null });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await titles()).not.toContain(water.title);
    await timeComes(scheduled.body.id);
    await waitFor(async () => ((await titles()).includes(water.title) ? true : undefined), 'the scheduled notice at its time');

    // Withdrawn before its time: it never goes, even when its time comes.
    const wrong = { ...water, title: `写错的通知 ${Date.now()}` };
    const early = await desk.post(`/api/estates/${sunshineId}/notices`, wrong);
    expect(early.status).toBe(201);
    const withdrawn = await desk.post(`/api/estates/${sunshineId}/notices/${early.body.id}/withdraw`, {});
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', removedMessages: 0 });
    expect(withdrawn.body.withdrawn.by.name).toBeTruthy();
    await timeComes(early.body.id);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await titles()).not.toContain(wrong.title);
    expect(await sql(engine.databaseUrl, `SELECT 1 FROM "Notification" WHERE title = $1`, [wrong.title])).toEqual([]);

    // Withdrawn once sent: it leaves the residents' in-app messages; the SMS record stays.
    const sent = await desk.post(`/api/estates/${sunshineId}/notices`, {
      ...water,
      title: `已发通知 ${Date.now()}`,
      sendAt: undefined,
      channels: ['inApp', 'sms'],
    });
    expect(sent.body.status).toBe('sending');
    await waitFor(async () => ((await titles()).includes(sent.body.title) ? true : undefined), 'the notice sent at once');
    const recalled = await desk.post(`/api/estates/${sunshineId}/notices/${sent.body.id}/withdraw`, {});
    expect(recalled.status, JSON.stringify(recalled.body)).toBe(200);
    expect(recalled.body.removedMessages).toBe(sent.body.recipientCount);
    expect(await titles()).not.toContain(sent.body.title);
    const left = await sql<{ channel: string }>(engine.databaseUrl, `SELECT DISTINCT channel FROM "Notification" WHERE title = $1`, [
      sent.body.title,
    ]);
    expect(left).toEqual([{ channel: 'sms' }]);
    const list = (await desk.get(`/api/estates/${sunshineId}/notices`)).body as { id: string; status: string }[];
    expect(Object.fromEntries(list.map((notice) => [notice.id, notice.status]))).toMatchObject({
      [scheduled.body.id]: 'sent',
      [early.body.id]: 'withdrawn',
      [sent.body.id]: 'withdrawn',
    });
    const audits = await sql<{ action: string }>(
      engine.databaseUrl,
      `SELECT action FROM "AuditLog" WHERE action = 'notice.withdraw' ORDER BY id`,
    );
    expect(audits).toHaveLength(2);

    // Bad input: twice, a time in the past or too far ahead, someone else's notice, a technician.
    const again = await desk.post(`/api/estates/${sunshineId}/notices/${sent.body.id}/withdraw`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('withdrawn already');
    for (const sendAt of [new Date(Date.now() - 60_000).toISOString(), new Date(Date.now() + 40 * 86_400_000).toISOString(), 'tomorrow'])
      expect((await desk.post(`/api/estates/${sunshineId}/notices`, { ...water, sendAt })).status, sendAt).toBe(400);
    expect((await desk.post(`/api/estates/${sunshineId}/notices/00000000-0000-4000-8000-000000000000/withdraw`, {})).status).toBe(404);
    const technician = await signInStaff(engine.url, logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    expect((await technician.post(`/api/estates/${sunshineId}/notices/${scheduled.body.id}/withdraw`, {})).status).toBe(403);
    const otherCompany = await signInStaff(engine.url, logins, { company: 'anju', email: 'admin@anju.estateflow.cn' });
    expect((await otherCompany.post(`/api/estates/${sunshineId}/notices/${scheduled.body.id}/withdraw`, {})).status).toBe(404);
    expect(await titles()).toContain(water.title);
  });

  it('changes a scheduled notice — text, floors, time — which then goes as changed; one sent or withdrawn cannot change', async () => {
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const [someone] = await residents();
    if (!someone) throw new Error('the demo has no owner');
    const owner = await signInOwner(engine.url, someone.phone);
    const titles = async () => (await owner.get('/api/notifications')).body.items.map((item: { title: string }) => item.title);
    const inOneHour = new Date(Date.now() + 60 * 60_000).toISOString();
    const inTwoHours = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
    // Written for the wrong floors (nobody's), at one hour from now.
    const elsewhere = someone.floor + 100;
    const draft = {
      title: `电梯保养 ${Date.now()}`,
      body: '周五 9:00 起电梯保养',
      audience: { buildingIds: [someone.buildingId] },
      sendAt: inOneHour,
    };
    const scheduled = await desk.post(`/api/estates/${sunshineId}/notices`, draft);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    const before = scheduled.body.recipientCount;

    // Refused, changing nothing: floors where nobody lives, a time in the past.
    const nobody = await desk.put(`/api/estates/${sunshineId}/notices/${scheduled.body.id}`, {
      ...draft,
      audience: { buildingIds: [someone.buildingId], floors: { from: elsewhere, to: elsewhere } },
    });
    expect(nobody.status).toBe(422);
    expect(
      (await desk.put(`/api/estates/${sunshineId}/notices/${scheduled.body.id}`, { ...draft, sendAt: '2020-01-01T00:00:00Z' })).status,
    ).toBe(400);

    // The text corrected, only the owner's floor, two hours from now.
    const corrected = {
      ...draft,
      title: `${draft.title}（更正）`,
      audience: { ...draft.audience, floors: { from: someone.floor, to: someone.floor } },
      sendAt: inTwoHours,
    };
    const edited = await desk.put(`/api/estates/${sunshineId}/notices/${scheduled.body.id}`, corrected);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ id: scheduled.body.id, title: corrected.title, status: 'scheduled', sendAt: inTwoHours });
    expect(edited.body.recipientCount).toBeLessThanOrEqual(before);
    const job = await sql<{ runAt: Date }>(engine.databaseUrl, `SELECT "runAt" FROM "Job" WHERE "dedupeKey" = $1`, [
      `notice:${scheduled.body.id}`,
    ]);
    expect(job[0]?.runAt.toISOString()).toBe(inTwoHours);
    // Its time comes: it goes as changed.
    await sql(engine.databaseUrl, `UPDATE "Job" SET "runAt" = now() WHERE "dedupeKey" = $1 AND status = 'pending'`, [
      `notice:${scheduled.body.id}`,
    ]);
    await waitFor(async () => ((await titles()).includes(corrected.title) ? true : undefined), 'the corrected notice');
    expect(await titles()).not.toContain(draft.title);
    const audits = await sql<{ detail: { sendAt: string } }>(
      engine.databaseUrl,
      `SELECT detail FROM "AuditLog" WHERE action = 'notice.edit' AND "targetId" = $1`,
      [scheduled.body.id],
    );
    expect(audits.map((audit) => audit.detail.sendAt)).toEqual([inTwoHours]);

    // Sent: too late to change. Withdrawn: too.
    const late = await desk.put(`/api/estates/${sunshineId}/notices/${scheduled.body.id}`, corrected);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('only a scheduled notice can be changed');
    const other = await desk.post(`/api/estates/${sunshineId}/notices`, { ...draft, title: `撤回的 ${Date.now()}` });
    expect((await desk.post(`/api/estates/${sunshineId}/notices/${other.body.id}/withdraw`, {})).status).toBe(200);
    const withdrawn = await desk.put(`/api/estates/${sunshineId}/notices/${other.body.id}`, draft);
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.error.message).toContain('withdrawn');
    const technician = await signInStaff(engine.url, logins, { company: 'demo', email: 'tech1@demo.estateflow.cn' });
    expect((await technician.put(`/api/estates/${sunshineId}/notices/${other.body.id}`, draft)).status).toBe(403);
    expect((await desk.put(`/api/estates/${sunshineId}/notices/00000000-0000-4000-8000-000000000000`, draft)).status).toBe(404);
  });
});
