import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';
import { eventually, FAST_WORKER, sql } from '../jobs/probe-workflow';
import { signInStaff } from '../instances/workflow-setup';
import { moveInScenario, runMoveIn } from '../packs/move-in-setup';

// What people type into the phone and ID number fields of the built-in packs' forms (RELIABILITY 19).
const RESIDENT_PHONE = '13698765432';
const RESIDENT_PHONE_MASKED = '136****5432';
const ID_NUMBER = '440304198506121230';
const ID_NUMBER_MASKED = '440304********1230';
const CONTACT_PHONE = '15987654321';
const CONTACT_PHONE_MASKED = '159****4321';
// Written inside free text: the repair's description and a comment on its dispatch.
const DESCRIBED_PHONE = '13512340000';
const DESCRIBED_LANDLINE = '0755-8888 1234';
const DESCRIPTION = `卫生间漏水，白天家里没人，请联系我爱人 135 1234 0000 或座机 ${DESCRIBED_LANDLINE}`;
const DESCRIPTION_MASKED = '卫生间漏水，白天家里没人，请联系我爱人 135****0000 或座机 075*****1234';
const COMMENTED_PHONE = '18611112222';
// Refused, so written nowhere either.
const WRONG_ID_NUMBER = '440304198506121231';
const TYPED = [
  RESIDENT_PHONE,
  ID_NUMBER,
  CONTACT_PHONE,
  WRONG_ID_NUMBER,
  DESCRIBED_PHONE,
  '135 1234 0000',
  COMMENTED_PHONE,
  DESCRIBED_LANDLINE,
  '075588881234',
  '8888 1234',
];

let engine: EngineProcess;
let logins: DemoLogins;
let sunshineId: string;

beforeAll(async () => {
  engine = await startEngine({ env: FAST_WORKER });
  logins = readDemoLogins(engine.dataDir);
  sunshineId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  expect(sunshineId).not.toBe('');
});
afterAll(async () => {
  await engine?.stop();
});

const signIn = (email: string) => signInStaff(engine.url, logins, { company: 'demo', email });
const typedIn = (text: string) => TYPED.filter((value) => text.includes(value));

async function someUnitId(client: HttpClient): Promise<string> {
  const units = await client.get(`/api/estates/${sunshineId}/units?q=`);
  expect(units.status, JSON.stringify(units.body)).toBe(200);
  return units.body[0].id;
}

async function someOwnerId(client: HttpClient): Promise<string> {
  const owner = logins.companies.find((company) => company.code === 'demo')?.owners[0];
  const found = await client.get(`/api/estates/${sunshineId}/people?phone=${owner?.phone ?? ''}`);
  expect(found.status, JSON.stringify(found.body)).toBe(200);
  return found.body[0].id;
}

function repairReport(unitId: string): Record<string, unknown> {
  return {
    locationType: 'unit',
    unitId,
    category: 'plumbing_electric',
    description: DESCRIPTION,
    urgency: 'normal',
    contactPhone: CONTACT_PHONE,
  };
}

/** Every text and JSON column of every table, as one string. */
async function databaseDump(): Promise<string> {
  const columns = await sql<{ table_name: string; column_name: string }>(
    engine.databaseUrl,
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
  );
  let dump = '';
  for (const { table_name, column_name } of columns) {
    const rows = await sql<{ value: string | null }>(engine.databaseUrl, `SELECT "${column_name}"::text AS value FROM "${table_name}"`);
    dump += rows.map((row) => row.value ?? '').join('\n');
  }
  return dump;
}

describe('phone and ID numbers typed into forms', () => {
  let moveInId: string;
  let repairId: string;

  it('a move-in and a repair reply with them masked, in the data and in the timeline', async () => {
    const frontDesk = await signIn('frontdesk@demo.estateflow.cn');
    const unitId = await someUnitId(frontDesk);
    const repair = await frontDesk.post(
      `/api/estates/${sunshineId}/instances`,
      { workflowKey: 'repair', data: repairReport(unitId) },
      {
        'Idempotency-Key': 'form-personal-data-repair',
      },
    );
    expect(repair.status, JSON.stringify(repair.body)).toBe(201);
    repairId = repair.body.id;
    expect(repair.body.data.contactPhone).toBe(CONTACT_PHONE_MASKED);
    expect(repair.body.timeline[0].data.contactPhone).toBe(CONTACT_PHONE_MASKED);
    expect(repair.body.data.description).toBe(DESCRIPTION_MASKED);
    expect(repair.body.timeline[0].data.description).toBe(DESCRIPTION_MASKED);
    expect(typedIn(JSON.stringify(repair.body))).toEqual([]);

    // A retry with the same key gets the first reply, and seals nothing a second time.
    const retried = await frontDesk.post(
      `/api/estates/${sunshineId}/instances`,
      { workflowKey: 'repair', data: repairReport(unitId) },
      {
        'Idempotency-Key': 'form-personal-data-repair',
      },
    );
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(repair.body);
    const sealed = await sql<{ kind: string; cipher: string }>(
      engine.databaseUrl,
      `SELECT kind, cipher FROM "PersonalValue" WHERE "instanceId" = $1`,
      [repairId],
    );
    expect(sealed).toEqual([
      { kind: 'phone', cipher: expect.stringMatching(/^ef1:/) },
      { kind: 'phone', cipher: expect.stringMatching(/^ef1:/) },
      { kind: 'phone', cipher: expect.stringMatching(/^ef1:/) },
    ]);

    // An ID number whose check character is wrong gets the form's own message on its field, and nothing is written.
    const ownerId = await someOwnerId(frontDesk);
    const wrong = await frontDesk.post(`/api/estates/${sunshineId}/instances`, {
      workflowKey: 'move-in',
      requesterPersonId: ownerId,
      data: {
        ...moveInScenario('estate-tracks-defects-after-handover').start,
        unitId,
        residentPhone: RESIDENT_PHONE,
        idNumber: '440304198506121231',
      },
    });
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(422);
    expect(wrong.body.error.details.fields).toEqual([
      { path: '/idNumber', message: { 'zh-CN': '身份证号校验不通过，请检查', en: 'this ID number fails its check digit' } },
    ]);
    expect(await sql(engine.databaseUrl, `SELECT 1 FROM "Instance" WHERE "workflowKey" = 'move-in'`)).toEqual([]);

    moveInId = await runMoveIn({
      url: engine.url,
      logins,
      estateId: sunshineId,
      scenario: 'estate-tracks-defects-after-handover',
      personId: ownerId,
      start: { unitId, residentPhone: RESIDENT_PHONE, idNumber: ID_NUMBER },
      // The joint inspection finds a defect: a repair starts for it (the demo estate then rectifies before handover).
      until: 'INSPECTED',
    });
    const moveIn = await frontDesk.get(`/api/instances/${moveInId}`);
    expect(moveIn.body.data).toMatchObject({ residentPhone: RESIDENT_PHONE_MASKED, idNumber: ID_NUMBER_MASKED });
    // The person it was filed for, with their phone on record, masked.
    const ownerPhone = logins.companies.find((company) => company.code === 'demo')?.owners[0]?.phone ?? '';
    expect(moveIn.body.requester.phoneMasked).toBe(`${ownerPhone.slice(0, 3)}****${ownerPhone.slice(-4)}`);
    expect(typedIn(JSON.stringify(moveIn.body))).toEqual([]);
  });

  it('the defect repair the move-in started has the resident’s phone as its own contact phone, sealed again', async () => {
    const children = await eventually(
      async () => {
        const rows = await sql<{ id: string }>(engine.databaseUrl, `SELECT id FROM "Instance" WHERE "parentInstanceId" = $1`, [moveInId]);
        return rows.length > 0 ? rows : undefined;
      },
      20_000,
      'the defect repair',
    );
    const childId = children[0]?.id ?? '';
    const admin = await signIn('admin@demo.estateflow.cn');
    const child = await admin.get(`/api/instances/${childId}`);
    expect(child.status, JSON.stringify(child.body)).toBe(200);
    expect(child.body.data.contactPhone).toBe(RESIDENT_PHONE_MASKED);
    // Its own row (so that erasing the move-in's does not reach it), with the same number in it.
    const rows = await sql<{ instanceId: string }>(engine.databaseUrl, `SELECT "instanceId" FROM "PersonalValue" WHERE "instanceId" = $1`, [
      childId,
    ]);
    expect(rows).toEqual([{ instanceId: childId }]);
    const full = await admin.post(`/api/instances/${childId}/unmask`, { path: '/contactPhone', reason: '联系业主整改' });
    expect(full.body).toEqual({ path: '/contactPhone', kind: 'phone', value: RESIDENT_PHONE });
  });

  it('a full read is limited by role and field, and audited', async () => {
    const frontDesk = await signIn('frontdesk@demo.estateflow.cn');
    const technician = await signIn('tech1@demo.estateflow.cn');
    const admin = await signIn('admin@demo.estateflow.cn');

    const phone = await frontDesk.post(`/api/instances/${moveInId}/unmask`, { path: '/residentPhone', reason: '电话预约交房' });
    expect(phone.status, JSON.stringify(phone.body)).toBe(200);
    expect(phone.body).toEqual({ path: '/residentPhone', kind: 'phone', value: RESIDENT_PHONE });
    expect((await frontDesk.post(`/api/instances/${moveInId}/unmask`, { path: '/idNumber', reason: '核验身份' })).status).toBe(403);
    const idNumber = await admin.post(`/api/instances/${moveInId}/unmask`, { path: '/idNumber', reason: '办理入住核验' });
    expect(idNumber.body).toEqual({ path: '/idNumber', kind: 'idNumber', value: ID_NUMBER });

    // A technician may read the contact phone of a repair assigned to them, and of no other.
    expect((await technician.post(`/api/instances/${repairId}/unmask`, { path: '/contactPhone', reason: '上门联系' })).status).toBe(403);
    expect((await technician.post(`/api/instances/${repairId}/unmask`, { path: '/description', reason: '上门联系' })).status).toBe(403);
    const technicianId: string = (await technician.get('/api/me')).body.id;
    const dispatched = await frontDesk.post(`/api/instances/${repairId}/events`, {
      type: 'DISPATCH',
      data: { technicianId },
      comment: `业主说也可以打 ${COMMENTED_PHONE}`,
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    expect(dispatched.body.timeline.at(-1).comment).toBe('业主说也可以打 186****2222');
    expect(typedIn(JSON.stringify(dispatched.body))).toEqual([]);
    const call = await technician.post(`/api/instances/${repairId}/unmask`, { path: '/contactPhone', reason: '上门联系' });
    expect(call.status, JSON.stringify(call.body)).toBe(200);
    expect(call.body.value).toBe(CONTACT_PHONE);
    // The description, with the number written in it in full (as typed, without its spaces).
    const described = await technician.post(`/api/instances/${repairId}/unmask`, { path: '/description', reason: '联系业主家人' });
    expect(described.status, JSON.stringify(described.body)).toBe(200);
    expect(described.body).toEqual({
      path: '/description',
      kind: 'text',
      value: `卫生间漏水，白天家里没人，请联系我爱人 ${DESCRIBED_PHONE} 或座机 075588881234`,
    });
    // And the front desk's comment on the dispatch, by the timeline entry it is on.
    const dispatchSeq: number = dispatched.body.timeline.at(-1).seq;
    const commented = await technician.post(`/api/instances/${repairId}/unmask`, { seq: dispatchSeq, reason: '联系业主' });
    expect(commented.status, JSON.stringify(commented.body)).toBe(200);
    expect(commented.body).toEqual({ seq: dispatchSeq, kind: 'text', value: `业主说也可以打 ${COMMENTED_PHONE}` });
    // An entry without such a comment, or a path and an entry at once: the caller is told.
    const noComment = await technician.post(`/api/instances/${repairId}/unmask`, { seq: 1, reason: '联系业主' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toContain('no comment with a phone or ID number');
    expect((await technician.post(`/api/instances/${repairId}/unmask`, { seq: 1, path: '/description', reason: '联系业主' })).status).toBe(
      400,
    );

    // Bad input: a field that holds no phone, a malformed path, another company's admin.
    const notPersonal = await admin.post(`/api/instances/${repairId}/unmask`, { path: '/category', reason: '查看' });
    expect(notPersonal.status).toBe(400);
    expect(notPersonal.body.error.message).toContain('no phone or ID number at "/category"');
    expect((await admin.post(`/api/instances/${repairId}/unmask`, { path: 'contactPhone', reason: '查看' })).status).toBe(400);
    const anju = logins.companies.find((company) => company.code === 'anju')?.staff.find((member) => member.role === 'company_admin');
    const anjuAdmin = await signInStaff(engine.url, logins, { company: 'anju', email: anju?.email ?? '' });
    expect((await anjuAdmin.post(`/api/instances/${repairId}/unmask`, { path: '/contactPhone', reason: '试探' })).status).toBe(404);

    const audit = await sql<{ targetId: string; detail: { path: string; reason: string } }>(
      engine.databaseUrl,
      `SELECT "targetId", detail FROM "AuditLog" WHERE action = 'instance.unmask' ORDER BY id`,
    );
    expect(audit.map((row) => [row.targetId, row.detail.path, row.detail.reason])).toEqual(
      expect.arrayContaining([
        [moveInId, '/residentPhone', '电话预约交房'],
        [moveInId, '/idNumber', '办理入住核验'],
        [repairId, '/contactPhone', '上门联系'],
        [repairId, '/description', '联系业主家人'],
      ]),
    );
    // The comment's read names the entry it is on.
    const commentedSeq = (await admin.get(`/api/instances/${repairId}`)).body.timeline.find(
      (entry: { comment?: string }) => entry.comment,
    )?.seq;
    expect(audit.filter((row) => (row.detail as { seq?: number }).seq !== undefined).map((row) => row.detail)).toEqual([
      { seq: commentedSeq, kind: 'text', reason: '联系业主' },
    ]);
    // Refused reads read nothing, so they leave no row.
    expect(audit.filter((row) => ['核验身份', '试探', '查看'].includes(row.detail.reason))).toEqual([]);
    expect(audit.filter((row) => row.detail.reason === '上门联系')).toHaveLength(1);
  });

  it('the front desk finds a request by the phone or ID number typed into it, or by its requester’s phone', async () => {
    const frontDesk = await signIn('frontdesk@demo.estateflow.cn');
    const found = async (q: string) => {
      const list = await frontDesk.get(`/api/instances?estateId=${sunshineId}&q=${encodeURIComponent(q)}&pageSize=100`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      return list.body.items.map((item: { id: string }) => item.id);
    };
    expect(await found(CONTACT_PHONE)).toEqual([repairId]);
    // Also by a number written inside its description, or in a comment on it.
    expect(await found(DESCRIBED_PHONE)).toEqual([repairId]);
    expect(await found(COMMENTED_PHONE)).toEqual([repairId]);
    expect(await found(DESCRIBED_LANDLINE)).toEqual([repairId]);
    // However it is spelled.
    expect(await found(`+86 ${CONTACT_PHONE.slice(0, 3)} ${CONTACT_PHONE.slice(3, 7)} ${CONTACT_PHONE.slice(7)}`)).toEqual([repairId]);
    expect(await found(ID_NUMBER)).toEqual([moveInId]);
    // The move-in and its defect repair both carry the resident's phone.
    expect(await found(RESIDENT_PHONE)).toEqual(expect.arrayContaining([moveInId]));
    expect((await found(RESIDENT_PHONE)).length).toBe(2);
    // The move-in was filed for an owner: their phone on record finds it too.
    const ownerPhone = logins.companies.find((company) => company.code === 'demo')?.owners[0]?.phone ?? '';
    expect(await found(ownerPhone)).toContain(moveInId);
    // A number typed nowhere finds nothing; the masked form is not a search key.
    expect(await found('13700000001')).toEqual([]);
    expect(await found(CONTACT_PHONE_MASKED)).toEqual([]);
    // Another company searching for the same number sees nothing of this one.
    const anju = logins.companies.find((company) => company.code === 'anju')?.staff.find((member) => member.role === 'company_admin');
    const anjuAdmin = await signInStaff(engine.url, logins, { company: 'anju', email: anju?.email ?? '' });
    const theirs = await anjuAdmin.get(`/api/instances?q=${CONTACT_PHONE}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
  });

  it('once a request has been finished for the retention period, its numbers are erased and it shows them masked', async () => {
    // The company keeps personal data one day; the repair finished two days ago.
    await sql(engine.databaseUrl, `UPDATE "Company" SET settings = settings || '{"personRetentionDays": 1}'::jsonb WHERE code = 'demo'`);
    await sql(engine.databaseUrl, `UPDATE "Instance" SET status = 'completed', "completedAt" = now() - interval '2 days' WHERE id = $1`, [
      repairId,
    ]);
    // The retention sweep runs when an engine starts, then hourly.
    await engine.stop();
    engine = await engine.restart();
    await eventually(
      async () => {
        const left = await sql(engine.databaseUrl, `SELECT 1 FROM "PersonalValue" WHERE "instanceId" = $1`, [repairId]);
        return left.length === 0 ? true : undefined;
      },
      20_000,
      'the repair’s numbers to be erased',
    );
    // The move-in is still open: its numbers are kept.
    expect(await sql(engine.databaseUrl, `SELECT 1 FROM "PersonalValue" WHERE "instanceId" = $1`, [moveInId])).toHaveLength(2);

    const admin = await signIn('admin@demo.estateflow.cn');
    const erased = (await admin.get(`/api/instances/${repairId}`)).body;
    expect(erased.data.contactPhone).toBe(CONTACT_PHONE_MASKED);
    expect(erased.data.description).toBe(DESCRIPTION_MASKED);
    const gone = await admin.post(`/api/instances/${repairId}/unmask`, { path: '/contactPhone', reason: '回访' });
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain('no longer kept');
    const audit = await sql<{ detail: { count: number } }>(
      engine.databaseUrl,
      `SELECT detail FROM "AuditLog" WHERE action = 'instance.personal_data_purge'`,
    );
    // The contact phone, the two in the description and the one in the comment.
    expect(audit.map((row) => row.detail.count)).toEqual([4]);
  });

  it('a dump of every text and JSON column of every table holds none of what was typed', async () => {
    const dump = await databaseDump();
    expect(dump).toContain(RESIDENT_PHONE_MASKED);
    expect(typedIn(dump)).toEqual([]);
  });
});
