import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';
import { demoPlan } from '../../src/seed/demo-plan';

let engine: EngineProcess;
let logins: DemoLogins;
const plan = demoPlan();
const allPhones = plan.flatMap((company) => [
  ...company.people.map((person) => person.phone),
  ...company.staff.map((member) => member.phone),
]);
const allIdNumbers = plan.flatMap((company) => company.people.flatMap((person) => (person.idNumber === null ? [] : [person.idNumber])));

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
});
afterAll(async () => {
  await engine?.stop();
});

function company(code: string) {
  const found = logins.companies.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code} in demo-logins.json`);
  return found;
}

async function signIn(companyCode: string, role: string): Promise<HttpClient> {
  const member = company(companyCode).staff.find((candidate) => candidate.role === role);
  if (!member) throw new Error(`no ${role} in ${companyCode}`);
  const client = new HttpClient(engine.url);
  const response = await client.post('/api/auth/login', { email: member.email, password: member.password });
  if (response.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return client;
}

function plaintextIn(text: string): string[] {
  return [...allPhones, ...allIdNumbers].filter((value) => text.includes(value));
}

const sunshine = () => company('demo').estates.find((estate) => estate.code === 'sunshine')!;

describe('personal data at rest', () => {
  it('a dump of every text and JSON column of every table holds no plaintext phone or ID number', async () => {
    expect(allPhones.length).toBeGreaterThan(180);
    expect(allIdNumbers.length).toBeGreaterThan(50);
    // Sign-ins, code requests and an unmask leave rows in sessions, codes, rate limits and the audit log too.
    const owner = company('demo').owners[0]!;
    await new HttpClient(engine.url).post('/api/auth/owner/code', { phone: owner.phone });
    const frontDesk = await signIn('demo', 'front_desk');
    const found = await frontDesk.get(`/api/estates/${sunshine().id}/people?phone=${owner.phone}`);
    await frontDesk.post(`/api/people/${found.body[0].id}/unmask`, { field: 'phone', reason: '回访业主' });

    const client = new Client({ connectionString: engine.databaseUrl });
    await client.connect();
    try {
      const columns = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
      );
      let dump = '';
      for (const { table_name, column_name } of columns.rows) {
        const rows = await client.query(`SELECT "${column_name}"::text AS value FROM "${table_name}"`);
        dump += rows.rows.map((row) => row.value ?? '').join('\n');
      }
      expect(dump.length).toBeGreaterThan(10_000);
      expect(plaintextIn(dump)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

describe('personal data in responses', () => {
  it('front desk finds an owner by exact phone (any spelling) and sees it only masked', async () => {
    const owner = company('demo').owners[0]!;
    const frontDesk = await signIn('demo', 'front_desk');
    const response = await frontDesk.get(`/api/estates/${sunshine().id}/people?phone=${encodeURIComponent(`+86 ${owner.phone}`)}`);
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toMatchObject({ name: owner.name, phoneMasked: `${owner.phone.slice(0, 3)}****${owner.phone.slice(-4)}` });
    expect(response.body[0].units.map((unit: { id: string }) => unit.id)).toEqual(owner.units);
    expect(plaintextIn(JSON.stringify(response.body))).toEqual([]);
  });

  it('lists the people of a unit by label with masked phones and ID numbers, and /api/me shows no phone', async () => {
    const frontDesk = await signIn('demo', 'front_desk');
    const response = await frontDesk.get(`/api/estates/${sunshine().id}/people?unit=${encodeURIComponent('1栋1单元')}`);
    expect(response.status).toBe(200);
    expect(response.body.length).toBeGreaterThan(5);
    for (const person of response.body) {
      expect(person.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      if (person.idNumberMasked !== null) expect(person.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    }
    expect(plaintextIn(JSON.stringify(response.body))).toEqual([]);
    expect(plaintextIn(JSON.stringify((await frontDesk.get('/api/me')).body))).toEqual([]);
    expect(plaintextIn(JSON.stringify((await frontDesk.get(`/api/estates/${sunshine().id}/staff`)).body))).toEqual([]);
  });

  it('unmasking is limited by role and field, and every full read is in the audit log', async () => {
    const owner = company('demo').owners.find((candidate) => plan[0]!.people.find((person) => person.phone === candidate.phone)?.idNumber)!;
    const planned = plan[0]!.people.find((person) => person.phone === owner.phone)!;
    const frontDesk = await signIn('demo', 'front_desk');
    const [person] = (await frontDesk.get(`/api/estates/${sunshine().id}/people?phone=${owner.phone}`)).body;

    const phone = await frontDesk.post(`/api/people/${person.id}/unmask`, { field: 'phone', reason: '电话回访' });
    expect(phone.status).toBe(200);
    expect(phone.body).toEqual({ field: 'phone', value: owner.phone });
    expect((await frontDesk.post(`/api/people/${person.id}/unmask`, { field: 'idNumber', reason: '核验身份' })).status).toBe(403);

    const technician = await signIn('demo', 'technician');
    expect((await technician.post(`/api/people/${person.id}/unmask`, { field: 'phone', reason: '上门联系' })).status).toBe(403);

    const admin = await signIn('demo', 'company_admin');
    const idNumber = await admin.post(`/api/people/${person.id}/unmask`, { field: 'idNumber', reason: '办理入住核验' });
    expect(idNumber.body).toEqual({ field: 'idNumber', value: planned.idNumber });

    const anjuAdmin = await signIn('anju', 'company_admin');
    expect((await anjuAdmin.post(`/api/people/${person.id}/unmask`, { field: 'phone', reason: '试探' })).status).toBe(404);

    const client = new Client({ connectionString: engine.databaseUrl });
    await client.connect();
    try {
      const audit = await client.query(
        `SELECT "actorKind", "action", "targetId", "detail", "prevHash", "hash" FROM "AuditLog" WHERE "action" = 'person.unmask' AND "targetId" = $1 ORDER BY id`,
        [person.id],
      );
      const reads = audit.rows.map((row) => [row.detail.field, row.detail.reason]);
      expect(reads).toEqual(
        expect.arrayContaining([
          ['phone', '电话回访'],
          ['idNumber', '办理入住核验'],
        ]),
      );
      // Refused attempts read nothing, so they leave no unmask row.
      expect(reads.filter(([, reason]) => ['核验身份', '上门联系', '试探'].includes(reason))).toEqual([]);
      const chain = await client.query(`SELECT "prevHash", "hash" FROM "AuditLog" ORDER BY id`);
      for (let index = 1; index < chain.rows.length; index++) expect(chain.rows[index].prevHash).toBe(chain.rows[index - 1].hash);
      const signIns = await client.query(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "action" = 'auth.login'`);
      expect(signIns.rows[0].n).toBeGreaterThanOrEqual(3);
    } finally {
      await client.end();
    }
  });
});
