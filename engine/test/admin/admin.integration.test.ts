import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import type { HttpClient } from '../harness/http-client';
import { signIn } from './session';

let engine: EngineProcess;
let admin: HttpClient;
let manager: HttpClient;
let technician: HttpClient;
let otherAdmin: HttpClient;
let sunshineId: string;
let galaxyId: string;

beforeAll(async () => {
  engine = await startEngine();
  admin = await signIn(engine.url, 'admin@demo.estateflow.cn');
  manager = await signIn(engine.url, 'manager@demo.estateflow.cn');
  technician = await signIn(engine.url, 'tech1@demo.estateflow.cn');
  otherAdmin = await signIn(engine.url, 'admin@anju.estateflow.cn');
  const estates = await admin.get('/api/admin/estates');
  sunshineId = estates.body.find((estate: { code: string }) => estate.code === 'sunshine').id;
  galaxyId = estates.body.find((estate: { code: string }) => estate.code === 'galaxy').id;
});

afterAll(async () => {
  await engine?.stop();
});

describe('estates, buildings and units', () => {
  it('lets a company admin create an estate and generate a building’s units from a pattern', async () => {
    const estate = await admin.post('/api/admin/estates', { code: 'lakeside', name: '湖畔花园', address: '杭州市西湖区湖畔路 1 号' });
    expect(estate.status).toBe(201);
    expect(estate.body).toMatchObject({ code: 'lakeside', name: '湖畔花园', timezone: 'Asia/Shanghai', unitCount: 0 });
    expect((await admin.post('/api/admin/estates', { code: 'lakeside', name: '另一个' })).status).toBe(409);

    const building = await admin.post(`/api/admin/estates/${estate.body.id}/buildings`, { name: '3栋', floors: 12 });
    expect(building.status).toBe(201);
    const preview = await admin.post(`/api/admin/buildings/${building.body.id}/units/generate`, {
      entrances: 2,
      floors: { from: 1, to: 12 },
      roomsPerFloor: 2,
      dryRun: true,
    });
    expect(preview.body).toMatchObject({ planned: 48, created: 0 });
    const generated = await admin.post(`/api/admin/buildings/${building.body.id}/units/generate`, {
      entrances: 2,
      floors: { from: 1, to: 12 },
      roomsPerFloor: 2,
      floorArea: 98.5,
    });
    expect(generated.body).toMatchObject({ planned: 48, created: 48, existing: 0 });
    const again = await admin.post(`/api/admin/buildings/${building.body.id}/units/generate`, {
      entrances: 2,
      floors: { from: 1, to: 12 },
      roomsPerFloor: 2,
    });
    expect(again.body).toMatchObject({ created: 0, existing: 48 });

    const found = await admin.get(`/api/admin/estates/${estate.body.id}/units?q=${encodeURIComponent('3栋2单元1201')}`);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({ label: '3栋2单元1201', entrance: 2, floor: 12, room: '1201', floorArea: 98.5 });

    // Renaming the building relabels its units.
    await admin.request('PATCH', `/api/admin/buildings/${building.body.id}`, { body: { name: '5栋' } });
    const relabelled = await admin.get(`/api/admin/units/${found.body.items[0].id}`);
    expect(relabelled.body.label).toBe('5栋2单元1201');

    // An estate that holds units cannot be deleted; an empty one can.
    expect((await admin.request('DELETE', `/api/admin/estates/${estate.body.id}`)).status).toBe(409);
    const empty = await admin.post('/api/admin/estates', { code: 'empty', name: '空项目' });
    expect((await admin.request('DELETE', `/api/admin/estates/${empty.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/admin/estates/${empty.body.id}`)).status).toBe(404);
  });

  it('lets an estate manager work in their estate only, and refuses roles that may not', async () => {
    const mine = await manager.post(`/api/admin/estates/${sunshineId}/buildings`, { name: '9栋', floors: 6 });
    expect(mine.status).toBe(201);
    // Another estate of the same company: not visible at all.
    expect((await manager.post(`/api/admin/estates/${galaxyId}/buildings`, { name: 'B座' })).status).toBe(404);
    expect((await manager.get(`/api/admin/estates/${galaxyId}`)).status).toBe(404);
    // Estate managers do not create estates; technicians do not add buildings.
    expect((await manager.post('/api/admin/estates', { code: 'x1', name: 'x' })).status).toBe(403);
    expect((await technician.post(`/api/admin/estates/${sunshineId}/buildings`, { name: '10栋' })).status).toBe(403);
    const list = await manager.get('/api/admin/estates');
    expect(list.body.map((estate: { code: string }) => estate.code)).toEqual(['sunshine']);
  });

  it('never shows another company’s estate, building or unit, and says 404', async () => {
    const units = await admin.get(`/api/admin/estates/${sunshineId}/units?pageSize=1`);
    const unitId = units.body.items[0].id;
    const buildingId = units.body.items[0].buildingId;
    for (const path of [
      `/api/admin/estates/${sunshineId}`,
      `/api/admin/estates/${sunshineId}/units`,
      `/api/admin/units/${unitId}`,
      `/api/admin/estates/${sunshineId}/buildings`,
    ]) {
      const response = await otherAdmin.get(path);
      expect(response.status, path).toBe(404);
    }
    expect((await otherAdmin.request('PATCH', `/api/admin/buildings/${buildingId}`, { body: { name: '被改了' } })).status).toBe(404);
    expect((await otherAdmin.request('DELETE', `/api/admin/units/${unitId}`)).status).toBe(404);
  });

  it('keeps each estate’s business calendar in the shape the SLA clock reads', async () => {
    const calendar = {
      weekdays: [1, 2, 3, 4, 5],
      hours: [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:30' },
      ],
      holidays: ['2026-10-01', '2026-10-02'],
      workdays: ['2026-09-27'],
    };
    const saved = await manager.put(`/api/admin/estates/${sunshineId}/calendar`, calendar);
    expect(saved.status).toBe(200);
    expect((await admin.get(`/api/admin/estates/${sunshineId}/calendar`)).body).toEqual(calendar);
    const overlapping = await manager.put(`/api/admin/estates/${sunshineId}/calendar`, {
      ...calendar,
      hours: [
        { from: '08:30', to: '14:00' },
        { from: '13:30', to: '17:30' },
      ],
    });
    expect(overlapping.status).toBe(422);
    expect((await manager.put(`/api/admin/estates/${sunshineId}/calendar`, { ...calendar, extra: 1 })).status).toBe(400);
    expect((await technician.put(`/api/admin/estates/${sunshineId}/calendar`, calendar)).status).toBe(403);
  });
});

describe('staff and their roles', () => {
  it('creates staff with roles per estate and audits every permission change', async () => {
    const created = await admin.post('/api/admin/staff', {
      email: 'new.frontdesk@demo.estateflow.cn',
      name: '新前台',
      password: 'a long enough password',
      phone: '13900001111',
      roles: [{ estateId: sunshineId, role: 'front_desk' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.phoneMasked).toBe('139****1111');
    expect(JSON.stringify(created.body)).not.toContain('13900001111');
    const changed = await admin.put(`/api/admin/staff/${created.body.id}/roles`, {
      roles: [
        { estateId: sunshineId, role: 'front_desk' },
        { estateId: galaxyId, role: 'front_desk' },
      ],
    });
    expect(changed.body.roles).toHaveLength(2);
    const newcomer = await signIn(engine.url, 'new.frontdesk@demo.estateflow.cn', 'a long enough password');
    expect((await newcomer.get(`/api/admin/estates/${galaxyId}/units?pageSize=1`)).status).toBe(200);

    // The sunshine manager may change sunshine roles only, and keeps galaxy roles as they were.
    expect(
      (await manager.put(`/api/admin/staff/${created.body.id}/roles`, { roles: [{ estateId: galaxyId, role: 'technician' }] })).status,
    ).toBe(403);
    const managed = await manager.put(`/api/admin/staff/${created.body.id}/roles`, {
      roles: [{ estateId: sunshineId, role: 'technician' }],
    });
    expect(managed.status).toBe(200);
    const after = await admin.get(`/api/admin/staff/${created.body.id}`);
    expect(after.body.roles).toEqual(
      expect.arrayContaining([
        { estateId: sunshineId, role: 'technician' },
        { estateId: galaxyId, role: 'front_desk' },
      ]),
    );
    expect(after.body.roles).toHaveLength(2);
    // Managers may not hand out company-wide roles.
    expect(
      (await manager.put(`/api/admin/staff/${created.body.id}/roles`, { roles: [{ estateId: null, role: 'company_admin' }] })).status,
    ).toBe(403);

    const audit = await admin.get('/api/audit?action=staff.roles_change');
    expect(audit.status).toBe(200);
    const mine = audit.body.items.filter((item: { targetId: string }) => item.targetId === created.body.id);
    expect(mine).toHaveLength(2);
    expect(mine.map((item: { detail: { added: string[] } }) => item.detail.added).flat()).toEqual(
      expect.arrayContaining([`${galaxyId}:front_desk`, `${sunshineId}:technician`]),
    );
  });

  it('keeps other companies’ staff out of reach', async () => {
    const list = await otherAdmin.get('/api/admin/staff');
    expect(list.body.every((staff: { email: string }) => staff.email.endsWith('@anju.estateflow.cn'))).toBe(true);
    const demoStaff = await admin.get('/api/admin/staff');
    const someone = demoStaff.body[0].id;
    expect((await otherAdmin.get(`/api/admin/staff/${someone}`)).status).toBe(404);
    expect((await otherAdmin.put(`/api/admin/staff/${someone}/roles`, { roles: [] })).status).toBe(404);
  });
});

describe('owners and tenants', () => {
  it('records a person with their unit, encrypted and always shown masked', async () => {
    const units = await manager.get(`/api/admin/estates/${sunshineId}/units?q=${encodeURIComponent('9栋')}`);
    const building = (await manager.get(`/api/admin/estates/${sunshineId}/buildings`)).body.find(
      (item: { name: string }) => item.name === '9栋',
    );
    await manager.post(`/api/admin/buildings/${building.id}/units/generate`, {
      entrances: 1,
      floors: { from: 1, to: 2 },
      roomsPerFloor: 2,
    });
    expect(units.status).toBe(200);
    const unit = (await manager.get(`/api/admin/estates/${sunshineId}/units?q=${encodeURIComponent('9栋1单元201')}`)).body.items[0];
    const person = await manager.post('/api/admin/people', {
      name: '测试业主',
      phone: '138 0013 9999',
      idNumber: '11010519491231002X',
      residencies: [{ unitId: unit.id, kind: 'owner' }],
    });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ name: '测试业主', phoneMasked: '138****9999', idNumberMasked: '110105********002X' });
    expect(JSON.stringify(person.body)).not.toContain('13800139999');
    expect(JSON.stringify(person.body)).not.toContain('11010519491231002X');

    expect(
      (await manager.post('/api/admin/people', { name: '重复', phone: '13800139999', residencies: [{ unitId: unit.id, kind: 'tenant' }] }))
        .status,
    ).toBe(409);
    expect(
      (
        await manager.post('/api/admin/people', {
          name: '坏身份证',
          phone: '13800138888',
          idNumber: '110105194912310021',
          residencies: [{ unitId: unit.id, kind: 'tenant' }],
        })
      ).status,
    ).toBe(422);
    expect(
      (await manager.post('/api/admin/people', { name: '坏手机', phone: '12345', residencies: [{ unitId: unit.id, kind: 'tenant' }] }))
        .status,
    ).toBe(422);

    const found = await manager.get(`/api/admin/estates/${sunshineId}/people?phone=13800139999`);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([person.body.id]);
    expect((await otherAdmin.get(`/api/admin/people/${person.body.id}`)).status).toBe(404);
    expect((await technician.get(`/api/admin/people/${person.body.id}`)).status).toBe(403);

    const residencyId = person.body.residencies[0].id;
    const ended = await manager.post(`/api/admin/residencies/${residencyId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.leftAt).not.toBeNull();
  });
});
