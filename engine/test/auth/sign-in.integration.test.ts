import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';

let engine: EngineProcess;
let demo: DemoLogins['companies'][number];

beforeAll(async () => {
  engine = await startEngine();
  const company = readDemoLogins(engine.dataDir).companies.find((candidate) => candidate.code === 'demo');
  if (!company) throw new Error('demo company missing from demo-logins.json');
  demo = company;
});
afterAll(async () => {
  await engine?.stop();
});

function staff(role: string) {
  const found = demo.staff.find((member) => member.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
}

async function sql(text: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: engine.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function latestCode(phone: string): string | undefined {
  const file = path.join(engine.dataDir, 'messages.jsonl');
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  return lines
    .map((line) => JSON.parse(line))
    .filter((message) => message.to === phone && message.code)
    .at(-1)?.code;
}

describe('staff sign-in', () => {
  it('signs a front desk clerk in with email and password and /api/me tells who and where', async () => {
    const frontDesk = staff('front_desk');
    const client = new HttpClient(engine.url);
    const login = await client.post('/api/auth/login', { email: frontDesk.email, password: frontDesk.password });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((line) => line.startsWith('ef_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(login.body).toMatchObject({
      kind: 'staff',
      name: '李前台',
      email: frontDesk.email,
      company: { code: 'demo', name: '示例物业' },
    });

    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.kind).toBe('staff');
    expect(me.body.companyRoles).toEqual([]);
    expect(me.body.estates).toEqual([{ id: frontDesk.estateIds[0], code: 'sunshine', name: '阳光花园', roles: ['front_desk'] }]);
  });

  it('shows a company admin every estate of the company, with the company-wide role', async () => {
    const admin = staff('company_admin');
    const client = new HttpClient(engine.url);
    expect((await client.post('/api/auth/login', { email: admin.email.toUpperCase(), password: admin.password })).status).toBe(200);
    const me = await client.get('/api/me');
    expect(me.body.companyRoles).toEqual(['company_admin']);
    expect(me.body.estates.map((estate: { code: string }) => estate.code).sort()).toEqual(['galaxy', 'sunshine']);
    expect(me.body.estates.every((estate: { roles: string[] }) => estate.roles.includes('company_admin'))).toBe(true);
  });

  it('refuses a wrong password with 401 and a message a person understands, and sets no cookie', async () => {
    const client = new HttpClient(engine.url);
    const response = await client.post('/api/auth/login', { email: staff('estate_manager').email, password: 'not-the-password' });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
    expect(response.body.error.message).toMatch(/email or password/i);
    expect(response.headers.getSetCookie().some((line) => line.startsWith('ef_session=') && !line.startsWith('ef_session=;'))).toBe(false);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const response = await new HttpClient(engine.url).post('/api/auth/login', {
      email: 'nobody@demo.estateflow.cn',
      password: 'estateflow',
    });
    expect(response.status).toBe(401);
    const wrong = await new HttpClient(engine.url).post('/api/auth/login', { email: staff('finance').email, password: 'wrong' });
    expect(response.body.error.message).toBe(wrong.body.error.message);
  });

  it('locks an account out after repeated failures with 429, Retry-After and when to try again', async () => {
    const target = staff('cleaning');
    const client = new HttpClient(engine.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client.post('/api/auth/login', { email: target.email, password: `guess-${attempt}` })).status).toBe(401);
    }
    const refused = await client.post('/api/auth/login', { email: target.email, password: target.password });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.error.message).toMatch(/try again in \d+ minutes/i);
    // Other accounts are not affected.
    expect(
      (await new HttpClient(engine.url).post('/api/auth/login', { email: staff('security').email, password: 'estateflow' })).status,
    ).toBe(200);
  });
});

describe('owner sign-in with a code by text message', () => {
  it('sends a code, signs the owner in with it, and /api/me shows the units and a masked phone', async () => {
    const owner = demo.owners[0];
    if (!owner) throw new Error('no demo owner');
    const client = new HttpClient(engine.url);
    const sent = await client.post('/api/auth/owner/code', { phone: `+86 ${owner.phone.slice(0, 3)} ${owner.phone.slice(3)}` });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sent: true, expiresInSeconds: 300 });
    const code = latestCode(owner.phone);
    expect(code).toMatch(/^\d{6}$/);
    const dev = await client.get(`/api/dev/latest-code?phone=${owner.phone}`);
    expect(dev.body.code).toBe(code);

    const login = await client.post('/api/auth/owner/login', { phone: owner.phone, code });
    expect(login.status).toBe(200);
    const me = await client.get('/api/me');
    expect(me.body).toMatchObject({
      kind: 'person',
      name: owner.name,
      phoneMasked: `${owner.phone.slice(0, 3)}****${owner.phone.slice(7)}`,
    });
    expect(me.body.units.map((unit: { id: string }) => unit.id)).toEqual(owner.units);
    expect(me.body.units[0].label).toMatch(/^\d栋\d单元\d{3,4}$/);
    expect(JSON.stringify(me.body)).not.toContain(owner.phone);

    // The code is used up.
    expect((await new HttpClient(engine.url).post('/api/auth/owner/login', { phone: owner.phone, code })).status).toBe(401);
  });

  it('refuses a wrong code, and after five wrong tries even the right one', async () => {
    const owner = demo.owners[1];
    if (!owner) throw new Error('no demo owner');
    const client = new HttpClient(engine.url);
    await client.post('/api/auth/owner/code', { phone: owner.phone });
    const code = latestCode(owner.phone) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await client.post('/api/auth/owner/login', { phone: owner.phone, code: wrong });
    expect(first.status).toBe(401);
    expect(first.body.error.message).toMatch(/code/i);
    for (let attempt = 0; attempt < 4; attempt++) await client.post('/api/auth/owner/login', { phone: owner.phone, code: wrong });
    expect((await client.post('/api/auth/owner/login', { phone: owner.phone, code })).status).toBe(401);
  });

  it('refuses an expired code', async () => {
    const owner = demo.owners[2];
    if (!owner) throw new Error('no demo owner');
    const client = new HttpClient(engine.url);
    await client.post('/api/auth/owner/code', { phone: owner.phone });
    const code = latestCode(owner.phone);
    await sql(`UPDATE "OneTimeCode" SET "expiresAt" = now() - interval '1 second'`);
    const response = await client.post('/api/auth/owner/login', { phone: owner.phone, code });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/expired/);
  });

  it('limits code requests per phone: the sixth within the hour is a 429 saying when to retry', async () => {
    const owner = demo.owners[3];
    if (!owner) throw new Error('no demo owner');
    const client = new HttpClient(engine.url);
    for (let request = 0; request < 5; request++)
      expect((await client.post('/api/auth/owner/code', { phone: owner.phone })).status).toBe(200);
    const refused = await client.post('/api/auth/owner/code', { phone: owner.phone });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.error.message).toMatch(/code requests for this phone number.*try again in/i);
  });

  it('answers a code request for an unknown phone like any other, sends nothing, and refuses the sign-in', async () => {
    const client = new HttpClient(engine.url);
    const sent = await client.post('/api/auth/owner/code', { phone: '19999999999' });
    expect(sent.status).toBe(200);
    expect(latestCode('19999999999')).toBeUndefined();
    expect((await client.post('/api/auth/owner/login', { phone: '19999999999', code: '123456' })).status).toBe(401);
  });

  it('refuses a phone that is not a mobile number with 400 naming the field', async () => {
    const response = await new HttpClient(engine.url).post('/api/auth/owner/code', { phone: '12345' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('phone');
  });
});

describe('sessions', () => {
  it('logout ends this session only; logout-everywhere ends them all', async () => {
    const manager = staff('estate_manager');
    const [phone, laptop, tablet] = [new HttpClient(engine.url), new HttpClient(engine.url), new HttpClient(engine.url)];
    for (const client of [phone, laptop, tablet])
      expect((await client.post('/api/auth/login', { email: manager.email, password: manager.password })).status).toBe(200);

    expect((await phone.post('/api/auth/logout')).status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);

    expect((await laptop.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(401);
    const tabletMe = await tablet.get('/api/me');
    expect(tabletMe.status).toBe(401);
    expect(tabletMe.body.error.message).toMatch(/sign in again/i);

    const audit = await sql(`SELECT "action", count(*)::int AS n FROM "AuditLog" GROUP BY "action"`);
    const actions = Object.fromEntries(audit.map((row) => [row.action, row.n]));
    expect(actions).toMatchObject({ 'auth.logout': 1, 'auth.logout_everywhere': 1 });
    expect(Number(actions['auth.login'])).toBeGreaterThanOrEqual(3);
    expect(Number(actions['auth.login_failed'])).toBeGreaterThanOrEqual(1);
  });
});
