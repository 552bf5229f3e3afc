// The front desk narrows its inbox to one building or one kind of repair; the server filters,
// so totals and pages agree with what is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';

type Building = { id: string; name: string };
type Unit = { id: string; label: string; building: Building };

let engine: EngineProcess;
let setup: RepairSetup;
let frontDesk: HttpClient;
let buildings: Building[];
const started: { id: string; buildingId: string; category: string }[] = [];

beforeAll(async () => {
  engine = await startEngine();
  setup = await publishAndBindRepair(engine.url, engine.dataDir, 'filterstest');
  frontDesk = await signInStaff(engine.url, setup.logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
  const listed = await frontDesk.get(`/api/estates/${setup.estateId}/buildings`);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  buildings = listed.body;
  for (const [building, category] of [
    [buildings[0], 'plumbingElectric'],
    [buildings[1], 'plumbingElectric'],
    [buildings[1], 'lift'],
  ] as const) {
    const units = await frontDesk.get(`/api/estates/${setup.estateId}/units?q=${encodeURIComponent(building!.name)}`);
    const unit: Unit = units.body.find((candidate: Unit) => candidate.building.id === building!.id);
    const response = await frontDesk.post(`/api/estates/${setup.estateId}/instances`, {
      workflowKey: setup.workflowKey,
      unitId: unit.id,
      data: repairReport({ category, location: unit.label }),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    started.push({ id: response.body.id, buildingId: building!.id, category });
  }
});
afterAll(async () => {
  await engine?.stop();
});

const ids = (body: { items: { instanceId: string }[] }) => body.items.map((item) => item.instanceId).sort();

describe('the inbox filters', () => {
  it('lists the estate’s buildings for the filter, in order, to its staff only', async () => {
    expect(buildings.map((building) => building.name)).toEqual(['1栋', '2栋', '3栋']);
    const other = await signInStaff(engine.url, setup.logins, { company: 'anju', email: 'frontdesk@anju.estateflow.cn' });
    expect((await other.get(`/api/estates/${setup.estateId}/buildings`)).status).toBe(404);
  });

  it('narrows to one building, with the total counting only that building', async () => {
    const base = `/api/tasks?estateId=${setup.estateId}&scope=team&workflowKey=${setup.workflowKey}`;
    const second = await frontDesk.get(`${base}&buildingId=${buildings[1]!.id}`);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(ids(second.body)).toEqual(
      started
        .filter((item) => item.buildingId === buildings[1]!.id)
        .map((item) => item.id)
        .sort(),
    );
    expect(second.body.total).toBe(2);
  });

  it('narrows to one category, and combines with the building', async () => {
    const base = `/api/tasks?estateId=${setup.estateId}&scope=team&workflowKey=${setup.workflowKey}`;
    const lifts = await frontDesk.get(`${base}&category=lift`);
    expect(ids(lifts.body)).toEqual(started.filter((item) => item.category === 'lift').map((item) => item.id));
    const none = await frontDesk.get(`${base}&category=lift&buildingId=${buildings[0]!.id}`);
    expect(none.body.items).toEqual([]);
    expect(none.body.total).toBe(0);
  });

  it('refuses a building id that is not an id, naming the field', async () => {
    const bad = await frontDesk.get(`/api/tasks?estateId=${setup.estateId}&buildingId=3栋`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('buildingId');
  });
});
