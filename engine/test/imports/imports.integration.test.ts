import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { generatedRows, ImportClient, ownerWorkbook } from './import-client';

let engine: EngineProcess;
let admin: ImportClient;
let manager: ImportClient;
let otherAdmin: ImportClient;
let sunshineId: string;

async function unitCount(): Promise<number> {
  return (await admin.json('GET', `/api/admin/estates/${sunshineId}`)).body.unitCount;
}

beforeAll(async () => {
  engine = await startEngine({ env: { ESTATEFLOW_WORKER_POLL_MS: '50' } });
  admin = await ImportClient.signIn(engine.url, 'admin@demo.estateflow.cn');
  manager = await ImportClient.signIn(engine.url, 'manager@demo.estateflow.cn');
  otherAdmin = await ImportClient.signIn(engine.url, 'admin@anju.estateflow.cn');
  sunshineId = (await admin.json('GET', '/api/admin/estates')).body.find((estate: { code: string }) => estate.code === 'sunshine').id;
});

afterAll(async () => {
  await engine?.stop();
});

describe('importing owners and units', () => {
  it('maps the standard headers, previews, and commits a small register', async () => {
    const bytes = await ownerWorkbook([
      ['20', '1单元', '101', '张三', '13912340001', '11010519491231002X', '业主', '98.5'],
      ['20', '1单元', '102', '张三', '13912340001', '', '业主', '98.5'],
      ['20', '1单元', '101', '李四', '13912340002', '', '租户', ''],
    ]);
    const uploaded = await manager.upload(sunshineId, { name: '业主名册.xlsx', bytes });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.mapping).toEqual({ building: 0, entrance: 1, room: 2, name: 3, phone: 4, idNumber: 5, kind: 6, floorArea: 7 });
    expect(JSON.stringify(uploaded.body.sample)).not.toContain('13912340001');
    const { view } = await manager.settle(uploaded.body.id);
    expect(view.status).toBe('ready');
    expect(view.preview.summary).toMatchObject({
      rows: 3,
      buildingsCreated: 1,
      unitsCreated: 2,
      peopleCreated: 2,
      residenciesAdded: 3,
      errors: 0,
    });
    const before = await unitCount();
    expect((await manager.json('POST', `/api/admin/imports/${view.id}/commit`)).status).toBe(202);
    const done = await manager.settle(view.id);
    expect(done.view.status).toBe('committed');
    expect(await unitCount()).toBe(before + 2);
    const people = await manager.json('GET', `/api/admin/estates/${sunshineId}/people?phone=13912340001`);
    expect(people.body.items[0]).toMatchObject({ name: '张三', phoneMasked: '139****0001', idNumberMasked: '110105********002X' });
    expect(people.body.items[0].residencies.map((residency: { unitLabel: string }) => residency.unitLabel).sort()).toEqual([
      '20栋1单元101',
      '20栋1单元102',
    ]);
    // Committing twice does nothing.
    expect((await manager.json('POST', `/api/admin/imports/${view.id}/commit`)).status).toBe(409);
  });

  it('finds duplicates against people on record and lets the importer skip them', async () => {
    const bytes = await ownerWorkbook([['20', '1', '103', '张叁', '13912340001', '', '业主', '']]);
    const uploaded = await manager.upload(sunshineId, { name: 'again.xlsx', bytes });
    const { view } = await manager.settle(uploaded.body.id);
    expect(view.preview.duplicates).toEqual([expect.objectContaining({ line: 2, kind: 'same_phone', choice: 'merge' })]);
    const remapped = await manager.json('PUT', `/api/admin/imports/${view.id}/mapping`, { decisions: { '2': 'skip' } });
    expect(remapped.status).toBe(200);
    const settled = await manager.settle(view.id);
    expect(settled.view.preview.summary).toMatchObject({ skipped: 1, residenciesAdded: 0, unitsCreated: 0 });
  });

  it('reads GBK CSV from old Excel, and takes cached formula values, saying so', async () => {
    const csv = iconv.encode('楼栋,单元,房号,姓名,手机号,身份\r\n21,1,101,王五,13912340003,业主\r\n', 'gbk');
    const uploaded = await manager.upload(sunshineId, { name: 'old.csv', bytes: new Uint8Array(csv) });
    expect(uploaded.body.notes.map((note: { code: string }) => note.code)).toContain('decoded_gbk');
    const { view } = await manager.settle(uploaded.body.id);
    expect(view.status).toBe('ready');
    expect(view.sample[0]).toContain('王五');

    const formulas = await ownerWorkbook([['21', '1', { formula: '"1"&"02"', result: '102' }, '赵六', '13912340004', '', '业主', '']]);
    const withFormula = await manager.upload(sunshineId, { name: 'formula.xlsx', bytes: formulas });
    expect(withFormula.body.notes).toEqual([expect.objectContaining({ code: 'formula_cached_values', cells: ['C2'] })]);
  });

  it('refuses malformed files with a clear reason and imports nothing', async () => {
    const broken = await manager.upload(sunshineId, {
      name: 'owners.xlsx',
      bytes: new Uint8Array(Buffer.from('PK\u0003\u0004 this is not a zip')),
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.message).toMatch(/cannot be read.*Nothing was imported/);
    const xls = await manager.upload(sunshineId, {
      name: 'owners.xls',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    });
    expect(xls.status).toBe(422);
    expect(xls.body.error.message).toMatch(/\.xlsx/);
    const huge = await manager.upload(sunshineId, { name: 'huge.csv', bytes: new Uint8Array(16 * 1024 * 1024).fill(0x41) });
    expect(huge.status).toBe(413);
  });

  it('keeps imports inside the company and the estate', async () => {
    const bytes = await ownerWorkbook([['22', '1', '101', '孙七', '13912340005', '', '业主', '']]);
    const uploaded = await manager.upload(sunshineId, { name: 'mine.xlsx', bytes });
    expect((await otherAdmin.json('GET', `/api/admin/imports/${uploaded.body.id}`)).status).toBe(404);
    expect((await otherAdmin.json('POST', `/api/admin/imports/${uploaded.body.id}/commit`)).status).toBe(404);
    expect((await otherAdmin.upload(sunshineId, { name: 'x.xlsx', bytes })).status).toBe(404);
    const technician = await ImportClient.signIn(engine.url, 'tech1@demo.estateflow.cn');
    expect((await technician.upload(sunshineId, { name: 'x.xlsx', bytes })).status).toBe(403);
  });

  it('exports the estate in the same layout, masked', async () => {
    const file = await manager.download(`/api/admin/estates/${sunshineId}/export.xlsx`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.bytes).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '楼栋',
      '单元',
      '房号',
      '姓名',
      '手机号',
      '身份证号',
      '身份',
      '建筑面积',
      '入住日期',
    ]);
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.some((row) => row.includes('139****0001'))).toBe(true);
    expect(rows.some((row) => row.includes('13912340001'))).toBe(false);
    expect((await manager.download(`/api/admin/estates/${sunshineId}/export.xlsx?full=true`)).status).toBe(403);
  });
});

describe('a 20,000-row register', () => {
  it('validates and commits with progress, and imports nothing when one row is bad', async () => {
    const rows = generatedRows({ count: 20_000, building: '30', phoneBase: 15000000000 });
    rows[14_998]![4] = '1500000'; // line 15,000 of the file: a phone number with digits missing
    const uploaded = await admin.upload(sunshineId, { name: 'big.xlsx', bytes: await ownerWorkbook(rows) });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.totalRows).toBe(20_000);
    const invalid = await admin.settle(uploaded.body.id);
    expect(invalid.view.status).toBe('invalid');
    expect(invalid.view.preview.errorCount).toBe(1);
    expect(invalid.view.errors).toEqual([expect.objectContaining({ line: 15_000, field: 'phone' })]);
    const before = await unitCount();
    expect((await admin.json('POST', `/api/admin/imports/${uploaded.body.id}/commit`)).status).toBe(422);
    expect(await unitCount()).toBe(before);

    const report = await admin.download(`/api/admin/imports/${uploaded.body.id}/errors.xlsx`);
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(report.bytes).buffer);
    expect(workbook.worksheets[0]!.getRow(2).values).toEqual([undefined, 15000, '手机号', '1500000', expect.stringContaining('mobile')]);

    rows[14_998]![4] = String(15000000000 + 14_998);
    const fixed = await admin.upload(sunshineId, { name: 'big-fixed.xlsx', bytes: await ownerWorkbook(rows) });
    const ready = await admin.settle(fixed.body.id);
    expect(ready.view.status).toBe('ready');
    expect(ready.view.preview.summary).toMatchObject({ rows: 20_000, unitsCreated: 20_000, peopleCreated: 20_000, errors: 0 });
    await admin.json('POST', `/api/admin/imports/${fixed.body.id}/commit`);
    const committed = await admin.settle(fixed.body.id, 180_000);
    expect(committed.view.status).toBe('committed');
    expect(committed.progress.length).toBeGreaterThan(0);
    expect(await unitCount()).toBe(before + 20_000);
  }, 300_000);
});
