import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoLogins, type DemoLogins } from '../harness/demo-logins';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { signInOwner, signInStaff } from '../instances/workflow-setup';
import { runMoveIn } from './move-in-setup';

let engine: EngineProcess;
let logins: DemoLogins;
let admin: HttpClient;
let sunshineId: string;
let galaxyId: string;

beforeAll(async () => {
  engine = await startEngine();
  logins = readDemoLogins(engine.dataDir);
  admin = await signInStaff(engine.url, logins, { company: 'demo', email: 'admin@demo.estateflow.cn' });
  const estates = logins.companies.find((company) => company.code === 'demo')?.estates ?? [];
  sunshineId = estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  galaxyId = estates.find((estate) => estate.code === 'galaxy')?.id ?? '';
  expect(sunshineId).not.toBe('');
  expect(galaxyId).not.toBe('');
});
afterAll(async () => {
  await engine?.stop();
});

async function units(estateId: string): Promise<{ id: string; label: string }[]> {
  const response = await admin.get(`/api/admin/estates/${estateId}/units?pageSize=50`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items;
}

/** A new person on record with one existing tenancy, so they can sign in to the owner portal. */
async function newPerson(input: { phone: string; livesIn: string }): Promise<string> {
  const created = await admin.post('/api/admin/people', {
    name: '王建国',
    phone: input.phone,
    residencies: [{ unitId: input.livesIn, kind: 'tenant' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

const moveIn = (input: { scenario: string; personId: string; unitId: string }) =>
  runMoveIn({
    url: engine.url,
    logins,
    estateId: sunshineId,
    scenario: input.scenario,
    personId: input.personId,
    start: { unitId: input.unitId },
  });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 20_000;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

describe('the move-in pack registers the resident', () => {
  it('an owner who finishes the move-in sees the unit as theirs in the owner portal, once, audited', async () => {
    const [current, bought] = await units(sunshineId);
    if (current === undefined || bought === undefined) throw new Error('the demo estate has too few units');
    const phone = '13912340801';
    const personId = await newPerson({ phone, livesIn: current.id });
    const owner = await signInOwner(engine.url, phone);
    const before = await owner.get('/api/me');
    expect(before.body.units.map((unit: { id: string }) => unit.id)).not.toContain(bought.id);

    const instanceId = await moveIn({ scenario: 'owner-moves-in-with-no-defects', personId, unitId: bought.id });

    const me = await eventually(
      () => owner.get('/api/me'),
      (response) => response.body.units.some((unit: { id: string }) => unit.id === bought.id),
    );
    expect(me.body.units).toContainEqual(
      expect.objectContaining({ id: bought.id, label: bought.label, estateId: sunshineId, kind: 'owner' }),
    );
    const person = await admin.get(`/api/admin/people/${personId}`);
    const residency = person.body.residencies.find((entry: { unitId: string }) => entry.unitId === bought.id);
    // The move-in date is the day the keys were handed over.
    expect(residency).toMatchObject({ kind: 'owner', endedAt: null });
    expect(new Date(residency.moveInAt).toISOString().slice(0, 10)).toBe('2026-01-10');
    expect(person.body.residencies.filter((entry: { unitId: string }) => entry.unitId === bought.id)).toHaveLength(1);

    const audit = await admin.get('/api/audit?action=resident.registered');
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    expect(JSON.stringify(audit.body)).toContain(instanceId);
  });

  it('a tenant variant whose unit is in another estate stops with an incident saying so, and registers nobody', async () => {
    const [current] = await units(sunshineId);
    const [elsewhere] = await units(galaxyId);
    if (current === undefined || elsewhere === undefined) throw new Error('the demo estates have too few units');
    const personId = await newPerson({ phone: '13912340802', livesIn: current.id });

    const instanceId = await moveIn({ scenario: 'tenant-registers-with-the-owner-s-consent', personId, unitId: elsewhere.id });

    const incidents = await eventually(
      () => admin.get('/api/incidents?status=open'),
      (response) => response.body.items.some((incident: { instance: { id: string } | null }) => incident.instance?.id === instanceId),
    );
    const incident = incidents.body.items.find((entry: { instance: { id: string } | null }) => entry.instance?.id === instanceId);
    expect(incident).toMatchObject({ kind: 'register_resident' });
    expect(incident.message).toContain("is not a unit of this instance's estate");
    const person = await admin.get(`/api/admin/people/${personId}`);
    expect(person.body.residencies.map((entry: { unitId: string }) => entry.unitId)).toEqual([current.id]);
  });
});
