import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { readDemoLogins } from '../harness/demo-logins';
import type { HttpClient } from '../harness/http-client';
import { signInOwner, signInStaff } from '../instances/workflow-setup';

let engine: EngineProcess;
let admin: HttpClient;
let sunshineId: string;
let otherEstateId: string;
let units: { id: string; label: string }[];

beforeAll(async () => {
  engine = await startEngine();
  const logins = readDemoLogins(engine.dataDir);
  admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  const demo = logins.companies.find((company) => company.code === 'demo');
  sunshineId = demo?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  otherEstateId = demo?.estates.find((estate) => estate.code !== 'sunshine')?.id ?? '';
  units = (await admin.get(`/api/estates/${sunshineId}/units?q=`)).body;
  expect(units.length).toBeGreaterThan(3);
});
afterAll(async () => {
  await engine?.stop();
});

async function resident(phone: string, residencies: { unitId: string; kind: 'owner' | 'tenant' }[]): Promise<HttpClient> {
  const created = await admin.post('/api/admin/people', { name: `住户${phone.slice(-4)}`, phone, residencies });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return signInOwner(engine.url, phone);
}

const repairReport = (unitId: string) => ({
  locationType: 'unit',
  unitId,
  category: 'plumbing_electric',
  description: '卫生间漏水',
  urgency: 'normal',
  contactPhone: '13912340000',
});

describe('owners and tenants', () => {
  it('a tenant picks only their own unit, may file a repair but not a renovation (owners only)', async () => {
    const [rented] = units;
    const tenant = await resident('13912340001', [{ unitId: rented!.id, kind: 'tenant' }]);
    const picker = await tenant.get(`/api/estates/${sunshineId}/units`);
    expect(picker.status).toBe(200);
    expect(picker.body.map((unit: { id: string }) => unit.id)).toEqual([rented!.id]);
    expect((await tenant.get(`/api/estates/${otherEstateId}/units`)).status).toBe(404);

    const workflows = (await tenant.get(`/api/estates/${sunshineId}/workflows`)).body.map((workflow: { key: string }) => workflow.key);
    expect(workflows).toContain('repair');
    expect(workflows).not.toContain('renovation');
    const renovation = await tenant.post(`/api/estates/${sunshineId}/instances`, {
      workflowKey: 'renovation',
      data: {},
      unitId: rented!.id,
    });
    expect(renovation.status).toBe(403);
    const repair = await tenant.post(`/api/estates/${sunshineId}/instances`, { workflowKey: 'repair', data: repairReport(rented!.id) });
    expect(repair.status, JSON.stringify(repair.body)).toBe(201);
    expect(repair.body.unit.id).toBe(rented!.id);
  });

  it('someone who owns one flat and rents another may file a renovation only for the one they own', async () => {
    const owned = units[1]!;
    const rented = units[2]!;
    const both = await resident('13912340002', [
      { unitId: owned.id, kind: 'owner' },
      { unitId: rented.id, kind: 'tenant' },
    ]);
    const picker = (await both.get(`/api/estates/${sunshineId}/units`)).body.map((unit: { id: string }) => unit.id);
    expect(picker.sort()).toEqual([owned.id, rented.id].sort());
    const workflows = (await both.get(`/api/estates/${sunshineId}/workflows`)).body;
    const renovation = workflows.find((workflow: { key: string }) => workflow.key === 'renovation');
    expect(renovation.unitIds).toEqual([owned.id]);
    expect(workflows.find((workflow: { key: string }) => workflow.key === 'repair').unitIds.sort()).toEqual([owned.id, rented.id].sort());

    const forRented = await both.post(`/api/estates/${sunshineId}/instances`, { workflowKey: 'renovation', data: {}, unitId: rented.id });
    expect(forRented.status).toBe(403);
    expect(forRented.body.error.message).toContain('tenant');
    // For the owned flat the role check passes; what is left is the filing form itself.
    const forOwned = await both.post(`/api/estates/${sunshineId}/instances`, { workflowKey: 'renovation', data: {}, unitId: owned.id });
    expect(forOwned.status).toBe(422);
  });
});
