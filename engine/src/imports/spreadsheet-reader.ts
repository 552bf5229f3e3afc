import ExcelJS from 'exceljs';
import { parseCsv } from './csv-parse';
import { decodeText } from './decode-text';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './import-limits';

/** What the person importing should know about how the file was read. */
export interface ReaderNote {
  code: 'formula_cached_values' | 'formula_without_value' | 'decoded_gbk' | 'number_lost_digits' | 'extra_sheets';
  message: string;
  cells?: string[];
}

export interface SpreadsheetContent {
  headers: string[];
  rows: string[][];
  notes: ReaderNote[];
  format: 'xlsx' | 'csv';
}

/** The file cannot be read at all (not a workbook, empty, too many rows): nothing is imported. */
export class SpreadsheetError extends Error {}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOldExcel(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function plainDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell's value as text, and whether it came from a formula's cached result. */
function cellText(cell: ExcelJS.Cell): { text: string; formula: 'none' | 'cached' | 'missing'; lostDigits: boolean } {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return { text: '', formula: 'none', lostDigits: false };
  if (value instanceof Date) return { text: plainDate(value), formula: 'none', lostDigits: false };
  if (typeof value === 'number')
    return {
      text: Number.isInteger(value) ? value.toFixed(0) : String(value),
      formula: 'none',
      lostDigits: Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER,
    };
  if (typeof value === 'string' || typeof value === 'boolean') return { text: String(value), formula: 'none', lostDigits: false };
  if (isRecord(value)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = value.result;
      if (result === undefined || result === null || (isRecord(result) && 'error' in result))
        return { text: '', formula: 'missing', lostDigits: false };
      const text =
        result instanceof Date
          ? plainDate(result)
          : typeof result === 'number' && Number.isInteger(result)
            ? result.toFixed(0)
            : String(result);
      return { text, formula: 'cached', lostDigits: false };
    }
    if ('richText' in value && Array.isArray(value.richText)) {
      return {
        text: value.richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join(''),
        formula: 'none',
        lostDigits: false,
      };
    }
    if ('text' in value && typeof value.text === 'string') return { text: value.text, formula: 'none', lostDigits: false };
    if ('error' in value) return { text: '', formula: 'none', lostDigits: false };
  }
  return { text: String(cell.text ?? ''), formula: 'none', lostDigits: false };
}

function trimRows(rows: string[][]): string[][] {
  const cleaned = rows.map((row) => row.map((cell) => cell.replace(/\u00a0/g, ' ').trim()));
  // Excel leaves formatted but empty rows at the end; they are not data.
  return cleaned.filter((row) => row.some((cell) => cell !== ''));
}

function split(rows: string[][], format: 'xlsx' | 'csv', notes: ReaderNote[]): SpreadsheetContent {
  const [headers, ...data] = trimRows(rows);
  if (!headers) throw new SpreadsheetError('The file has no rows: the first row must name the columns (楼栋, 单元, 房号, 姓名, 手机号 …).');
  if (headers.length > MAX_IMPORT_COLUMNS)
    throw new SpreadsheetError(`The file has ${headers.length} columns; at most ${MAX_IMPORT_COLUMNS}.`);
  if (data.length > MAX_IMPORT_ROWS)
    throw new SpreadsheetError(`The file has ${data.length} rows; at most ${MAX_IMPORT_ROWS} at a time. Split it into smaller files.`);
  const width = headers.length;
  return { headers, rows: data.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? '')), notes, format };
}

async function readXlsx(bytes: Buffer): Promise<SpreadsheetContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw new SpreadsheetError(
      `This .xlsx file cannot be read (${error instanceof Error ? error.message : 'damaged'}). Open it in Excel or WPS and save it again as .xlsx.`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('The workbook has no worksheet.');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    throw new SpreadsheetError(
      `The first sheet has ${sheet.rowCount - 1} rows; at most ${MAX_IMPORT_ROWS} at a time. Split it into smaller files.`,
    );
  const notes: ReaderNote[] = [];
  if (workbook.worksheets.length > 1)
    notes.push({
      code: 'extra_sheets',
      message: `Only the first sheet ("${sheet.name}") was read; the workbook has ${workbook.worksheets.length}.`,
    });
  const cached: string[] = [];
  const missing: string[] = [];
  const lost: string[] = [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const width = Math.min(row.cellCount, MAX_IMPORT_COLUMNS + 1);
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      const { text, formula, lostDigits } = cellText(cell);
      if (formula === 'cached') cached.push(cell.address);
      if (formula === 'missing') missing.push(cell.address);
      if (lostDigits) lost.push(cell.address);
      cells.push(text);
    }
    rows[rowNumber - 1] = cells;
  });
  if (cached.length > 0)
    notes.push({
      code: 'formula_cached_values',
      message: `${cached.length} cells hold formulas: their last calculated values were imported, not the formulas.`,
      cells: cached.slice(0, 20),
    });
  if (missing.length > 0)
    notes.push({
      code: 'formula_without_value',
      message: `${missing.length} cells hold formulas with no calculated value (the file was not saved by Excel or WPS); those cells were read as empty.`,
      cells: missing.slice(0, 20),
    });
  if (lost.length > 0)
    notes.push({
      code: 'number_lost_digits',
      message: `${lost.length} cells hold numbers too long to be exact (an ID number typed as a number loses its last digits): format that column as text and type them again.`,
      cells: lost.slice(0, 20),
    });
  return split(
    Array.from(rows, (row) => row ?? []),
    'xlsx',
    notes,
  );
}

/** Reads the first sheet of an .xlsx workbook, or a CSV file in UTF-8, UTF-16 or GBK. */
export async function readSpreadsheet(input: { fileName: string; bytes: Buffer }): Promise<SpreadsheetContent> {
  const { bytes } = input;
  if (bytes.length === 0) throw new SpreadsheetError('The file is empty.');
  if (isZip(bytes)) return readXlsx(bytes);
  if (isOldExcel(bytes))
    throw new SpreadsheetError(
      'This is an old Excel 97–2003 (.xls) file. Save it as .xlsx (Excel: File → Save As → Excel Workbook) and upload that.',
    );
  if (/\.xlsx$/i.test(input.fileName))
    throw new SpreadsheetError(
      'This file is named .xlsx but is not an Excel workbook. Open it in Excel or WPS and save it again as .xlsx.',
    );
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe))
    throw new SpreadsheetError('This file is neither an .xlsx workbook nor a CSV text file.');
  const { text, encoding } = decodeText(bytes);
  const notes: ReaderNote[] =
    encoding === 'gb18030'
      ? [
          {
            code: 'decoded_gbk',
            message: 'The CSV file was not UTF-8; it was read as GBK (older Chinese Excel). Check that names look right in the preview.',
          },
        ]
      : [];
  return split(parseCsv(text), 'csv', notes);
}
