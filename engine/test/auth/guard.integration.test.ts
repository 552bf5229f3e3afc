import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';

let engine: EngineProcess;
let logins: DemoLogins;

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
});
afterAll(async () => {
  await engine?.stop();
});

function member(companyCode: string, role: string) {
  const found = logins.companies.find((company) => company.code === companyCode)?.staff.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no ${role} in ${companyCode}`);
  return found;
}

async function signIn(companyCode: string, role: string): Promise<HttpClient> {
  const client = new HttpClient(engine.url);
  const { email, password } = member(companyCode, role);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

/** Routes anyone may call without signing in. Anything else answering without a session is a bug. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/owner/code',
  'POST /api/auth/owner/login',
  'POST /api/auth/logout',
  'GET /api/health',
  'GET /api/dev/latest-code',
  // No session, but its own token, or this machine only (engine/test/metrics).
  'GET /api/metrics',
]);

describe('the session guard', () => {
  it('refuses every route in the API document without a session, except the public ones', async () => {
    const document = (await new HttpClient(engine.url).get('/api/docs-json')).body;
    const routes: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const method of Object.keys(operations)) routes.push(`${method.toUpperCase()} /api${path.replace(/^\/api/, '')}`);
    }
    expect(routes.length).toBeGreaterThan(10);
    const anonymous = new HttpClient(engine.url);
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string];
      if (PUBLIC_ROUTES.has(route)) continue;
      const path = template.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const response = await anonymous.request(method, path, method === 'GET' || method === 'DELETE' ? {} : { body: {} });
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
      expect(response.body.error.code).toBe('unauthenticated');
    }
  });

  it('says clearly what to do when there is no session or it is not valid', async () => {
    const none = await new HttpClient(engine.url).get('/api/me');
    expect(none.body.error.message).toMatch(/sign in/i);
    const forged = await new HttpClient(engine.url).get('/api/me', { cookie: 'ef_session=forged-token' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.message).toMatch(/sign in again/i);
  });
});

describe('bad input', () => {
  it('malformed JSON, wrong types, unknown fields and prototype keys are 400s naming the problem', async () => {
    const client = new HttpClient(engine.url);
    const malformed = await client.request('POST', '/api/auth/login', { rawBody: '{"email": "a@b.cn", "password": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/i);

    const wrongType = await client.post('/api/auth/login', { email: 'a@b.cn', password: 12345 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toContain('password');

    const unknown = await client.post('/api/auth/login', { email: 'a@b.cn', password: 'x', remember: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('remember');

    const missing = await client.post('/api/auth/owner/login', { phone: '13800138000' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('code');

    const proto = await client.request('POST', '/api/auth/login', {
      rawBody: '{"email":"a@b.cn","password":"x","__proto__":{"admin":true}}',
    });
    expect(proto.status).toBe(400);
    expect(proto.body.error.message).toContain('__proto__');

    // Only the pack import reads an archive; anywhere else it is refused, unread, saying what fits.
    const archive = await client.request('POST', '/api/auth/login', {
      rawBody: 'x'.repeat(2 * 1024 * 1024),
      headers: { 'content-type': 'application/gzip' },
    });
    expect(archive.status).toBe(415);
    expect(archive.body.error.message).toMatch(/takes JSON/);
  });
});

describe('cross-site requests (CSRF)', () => {
  it('refuses a cookie-authenticated POST from a foreign origin, and accepts the same request from the engine itself', async () => {
    const manager = await signIn('demo', 'estate_manager');
    const foreign = await manager.post('/api/auth/logout-everywhere', undefined, {
      origin: 'https://evil.example.com',
      'sec-fetch-site': 'cross-site',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toContain('https://evil.example.com');
    expect((await manager.get('/api/me')).status).toBe(200);

    const siteOnly = await manager.post('/api/auth/logout-everywhere', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(siteOnly.status).toBe(403);

    const sameOrigin = await manager.post('/api/auth/logout', undefined, { origin: engine.url, 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(204);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const { email, password } = member('demo', 'finance');
    const response = await new HttpClient(engine.url).post('/api/auth/login', { email, password }, { origin: 'https://evil.example.com' });
    expect(response.status).toBe(403);
  });
});

describe('API tokens', () => {
  it('a company admin creates a token that works as a bearer (no CSRF check), lists it without the secret, and revokes it', async () => {
    const admin = await signIn('demo', 'company_admin');
    const created = await admin.post('/api/auth/tokens', { name: 'ERP 集成' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^eft_/);

    const bearer = { authorization: `Bearer ${created.body.token}` };
    const me = await new HttpClient(engine.url).get('/api/me', bearer);
    expect(me.status).toBe(200);
    expect(me.body.companyRoles).toContain('company_admin');
    const crossSite = await new HttpClient(engine.url).post(
      '/api/auth/tokens',
      { name: 'x' },
      { ...bearer, origin: 'https://evil.example.com' },
    );
    expect(crossSite.status).toBe(403); // tokens cannot mint tokens; the refusal is about the role, not the origin
    expect(crossSite.body.error.message).toMatch(/company admin/i);

    const list = await admin.get('/api/auth/tokens');
    expect(list.body.map((token: { name: string }) => token.name)).toContain('ERP 集成');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    const frontDesk = await signIn('demo', 'front_desk');
    expect((await frontDesk.post('/api/auth/tokens', { name: 'mine' })).status).toBe(403);
    const anjuAdmin = await signIn('anju', 'company_admin');
    expect((await anjuAdmin.request('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(404);

    expect((await admin.request('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    const revoked = await new HttpClient(engine.url).get('/api/me', bearer);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/revoked/i);
  });
});

describe('tenant isolation of lookups', () => {
  it("another company's estate id is a 404 on every lookup, and an estate one does not work in is too", async () => {
    const demoEstate = logins.companies.find((company) => company.code === 'demo')!.estates[0]!;
    const anjuEstate = logins.companies.find((company) => company.code === 'anju')!.estates[0]!;
    const anjuAdmin = await signIn('anju', 'company_admin');
    for (const lookup of ['people?unit=1栋', 'staff', 'units']) {
      const response = await anjuAdmin.get(`/api/estates/${demoEstate.id}/${encodeURI(lookup)}`);
      expect({ lookup, status: response.status }).toEqual({ lookup, status: 404 });
    }
    expect((await anjuAdmin.get(`/api/estates/${anjuEstate.id}/units`)).status).toBe(200);
    const estates = (await anjuAdmin.get('/api/estates')).body;
    expect(estates.map((estate: { name: string }) => estate.name)).toEqual(['安居小区']);

    const galaxyFrontDesk = new HttpClient(engine.url);
    const galaxyDesk = logins.companies[0]!.staff.find((candidate) => candidate.email.startsWith('frontdesk.galaxy'))!;
    await galaxyFrontDesk.post('/api/auth/login', { email: galaxyDesk.email, password: galaxyDesk.password });
    expect((await galaxyFrontDesk.get(`/api/estates/${demoEstate.id}/people?unit=1栋`)).status).toBe(404);
  });

  it('the staff and unit pickers answer what the front desk needs', async () => {
    const sunshine = logins.companies[0]!.estates.find((estate) => estate.code === 'sunshine')!;
    const frontDesk = await signIn('demo', 'front_desk');
    const technicians = await frontDesk.get(`/api/estates/${sunshine.id}/staff?role=technician`);
    expect(technicians.body.map((staff: { name: string }) => staff.name).sort()).toEqual(['刘师傅', '周师傅', '张师傅', '杨师傅'].sort());
    expect((await frontDesk.get(`/api/estates/${sunshine.id}/staff?role=plumber`)).status).toBe(400);
    const units = await frontDesk.get(`/api/estates/${sunshine.id}/units?q=${encodeURIComponent('3栋2单元12')}`);
    expect(units.body.map((unit: { label: string }) => unit.label).sort()).toEqual(['3栋2单元1201', '3栋2单元1202']);
  });
});
