import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { REPOSITORY_ROOT } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';

/** The model's repair workflow, as a consultant would import it. */
export function repairFixture(key = 'repair'): Record<string, unknown> {
  const text = fs.readFileSync(path.join(REPOSITORY_ROOT, 'engine', 'model', 'src', 'fixtures', 'repair.definition.json'), 'utf8');
  return { ...JSON.parse(text), key };
}

export function staffLogin(logins: DemoLogins, input: { company: string; email: string }): { email: string; password: string } {
  const found = logins.companies.find((company) => company.code === input.company)?.staff.find((member) => member.email === input.email);
  if (!found) throw new Error(`no ${input.email} in ${input.company}`);
  return { email: found.email, password: found.password };
}

export async function signInStaff(url: string, logins: DemoLogins, input: { company: string; email: string }): Promise<HttpClient> {
  const client = new HttpClient(url);
  const response = await client.post('/api/auth/login', staffLogin(logins, input));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return client;
}

export async function signInOwner(url: string, phone: string): Promise<HttpClient> {
  const client = new HttpClient(url);
  expect((await client.post('/api/auth/owner/code', { phone })).status).toBe(200);
  const code = (await client.get(`/api/dev/latest-code?phone=${encodeURIComponent(phone)}`)).body.code;
  const response = await client.post('/api/auth/owner/login', { phone, code });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return client;
}

export interface RepairSetup {
  logins: DemoLogins;
  admin: HttpClient;
  estateId: string;
  definitionId: string;
  workflowKey: string;
}

/** Signs the demo company's admin in, creates, publishes and binds the repair workflow in 阳光花园. */
export async function publishAndBindRepair(url: string, dataDir: string, key = 'repairtest'): Promise<RepairSetup> {
  const logins = readDemoLogins(dataDir);
  const admin = await signInStaff(url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  const estateId = logins.companies.find((company) => company.code === 'demo')?.estates.find((estate) => estate.code === 'sunshine')?.id;
  if (!estateId) throw new Error('no sunshine estate');
  const created = await admin.post('/api/definitions', { key, name: '报修（测试）', definition: repairFixture(key) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await admin.post(`/api/definitions/${created.body.id}/publish`, { changeNote: 'first version' });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const bound = await admin.put(`/api/estates/${estateId}/bindings/${key}`, {
    definitionId: created.body.id,
    version: published.body.version,
    parameters: {},
  });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  return { logins, admin, estateId, definitionId: created.body.id, workflowKey: key };
}

/** A valid start form for the repair workflow. */
export function repairReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    location: '1栋1单元101',
    category: 'plumbingElectric',
    description: '厨房水管漏水',
    urgency: 'normal',
    contactPhone: '13812345678',
    ...overrides,
  };
}
