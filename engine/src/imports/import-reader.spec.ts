import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { autoMap } from './column-mapping';
import { parseCsv } from './csv-parse';
import { parseImportRow } from './import-row';
import { readSpreadsheet, SpreadsheetError } from './spreadsheet-reader';

describe('reading owner registers', () => {
  it('parses quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', 'z'],
    ]);
  });

  it('detects GBK CSV from old Excel and says so', async () => {
    const bytes = iconv.encode('楼栋,房号,姓名,手机号\n3栋,1201,张三,13800138000\n', 'gbk');
    const content = await readSpreadsheet({ fileName: 'owners.csv', bytes });
    expect(content.headers).toEqual(['楼栋', '房号', '姓名', '手机号']);
    expect(content.rows).toEqual([['3栋', '1201', '张三', '13800138000']]);
    expect(content.notes.map((note) => note.code)).toEqual(['decoded_gbk']);
  });

  it('takes the cached values of formulas and says which cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('业主');
    sheet.addRow(['楼栋', '房号', '姓名', '手机号']);
    sheet.addRow(['3栋', { formula: '"12"&"01"', result: '1201' }, '张三', '13800138000']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const content = await readSpreadsheet({ fileName: 'owners.xlsx', bytes });
    expect(content.rows).toEqual([['3栋', '1201', '张三', '13800138000']]);
    expect(content.notes[0]).toMatchObject({ code: 'formula_cached_values', cells: ['B2'] });
  });

  it('refuses what is not a workbook, with a reason a person can act on', async () => {
    await expect(readSpreadsheet({ fileName: 'owners.xlsx', bytes: Buffer.from('PK\u0003\u0004 broken zip') })).rejects.toThrow(
      SpreadsheetError,
    );
    await expect(
      readSpreadsheet({ fileName: 'owners.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }),
    ).rejects.toThrow(/97–2003/);
    await expect(readSpreadsheet({ fileName: 'owners.csv', bytes: Buffer.alloc(0) })).rejects.toThrow(/empty/);
  });

  it('maps Chinese headers and checks each row', () => {
    const mapping = autoMap(['楼栋', '单元', '房号', '姓名', '手机号', '身份证号', '身份', '建筑面积']);
    expect(mapping).toEqual({ building: 0, entrance: 1, room: 2, name: 3, phone: 4, idNumber: 5, kind: 6, floorArea: 7 });
    const good = parseImportRow({
      cells: ['3', '2单元', '1201', '张三', '+86 138 0013 8000', '11010519491231002x', '租户', '98.5㎡'],
      line: 2,
      mapping,
    });
    expect(good).toEqual({
      row: {
        line: 2,
        building: '3栋',
        entrance: 2,
        floor: 12,
        room: '1201',
        name: '张三',
        phone: '13800138000',
        idNumber: '11010519491231002X',
        kind: 'tenant',
        floorArea: 98.5,
        moveInAt: null,
      },
    });
    const bad = parseImportRow({ cells: ['3', 'x', '1201', '', '123', '110105194912310021', '房东', '-1'], line: 3, mapping });
    expect('errors' in bad && bad.errors.map((error) => error.field)).toEqual([
      'entrance',
      'name',
      'phone',
      'idNumber',
      'kind',
      'floorArea',
    ]);
  });
});
