import ExcelJS from 'exceljs';
import type { RowError } from './import-row';

const FIELD_NAMES: Record<string, string> = {
  building: '楼栋',
  entrance: '单元',
  room: '房号',
  name: '姓名',
  phone: '手机号',
  idNumber: '身份证号',
  kind: '身份',
  floorArea: '建筑面积',
  moveInAt: '入住日期',
};

/** Header row of the export, and the same headers the default preset reads back. */
export const EXPORT_HEADERS = ['楼栋', '单元', '房号', '姓名', '手机号', '身份证号', '身份', '建筑面积', '入住日期'];

/** Cells are written as text, never as formulas: a value starting with "=" stays a value. */
function textRow(values: (string | number | null)[]): (string | number | null)[] {
  return values.map((value) => (typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value));
}

/** The row errors of an import as a workbook the person can fix the file from. */
export async function errorReportWorkbook(input: { fileName: string; errors: RowError[]; total: number }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误 Errors');
  sheet.columns = [
    { header: '行号 Row', width: 10 },
    { header: '列 Column', width: 14 },
    { header: '值 Value', width: 24 },
    { header: '问题 Problem', width: 70 },
  ];
  for (const error of input.errors)
    sheet.addRow(textRow([error.line, error.field === null ? '' : (FIELD_NAMES[error.field] ?? error.field), error.value, error.message]));
  if (input.total > input.errors.length)
    sheet.addRow(['', '', '', `… ${input.total - input.errors.length} more errors not listed; fix these first and upload again.`]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ExportRow {
  building: string;
  entrance: number;
  room: string;
  name: string;
  phone: string;
  idNumber: string;
  kind: string;
  floorArea: number | null;
  moveInAt: string;
}

/** Units and their owners and tenants in the import's own layout (phone and ID number as given: masked unless audited). */
export async function exportWorkbook(rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('业主名册');
  sheet.addRow(EXPORT_HEADERS);
  for (const row of rows)
    sheet.addRow(
      textRow([
        row.building,
        row.entrance === 0 ? '' : row.entrance,
        row.room,
        row.name,
        row.phone,
        row.idNumber,
        row.kind,
        row.floorArea,
        row.moveInAt,
      ]),
    );
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Room numbers and phones are text: keep Excel from turning "0101" into 101.
  for (const column of [3, 5, 6]) sheet.getColumn(column).numFmt = '@';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
