import { isValidIdNumber } from '../privacy/id-number';
import { isMobilePhone, normaliseIdNumber, normalisePhone } from '../privacy/normalise';
import type { ColumnMapping, ImportField } from './column-mapping';

/** One row of the file, checked and put in the shape the database wants. */
export interface ImportRow {
  /** 1-based row number in the file, counting the header row as 1 (what Excel shows). */
  line: number;
  building: string;
  entrance: number;
  floor: number;
  room: string;
  name: string;
  phone: string;
  idNumber: string | null;
  kind: 'owner' | 'tenant';
  floorArea: number | null;
  moveInAt: string | null;
}

export interface RowError {
  line: number;
  field: ImportField | null;
  value: string;
  message: string;
}

const KINDS: Record<string, 'owner' | 'tenant'> = {
  业主: 'owner',
  产权人: 'owner',
  owner: 'owner',
  租户: 'tenant',
  租客: 'tenant',
  承租人: 'tenant',
  tenant: 'tenant',
};

/** "3" → "3栋"; "3栋", "A座" as written. */
function buildingName(raw: string): string {
  return /^\d+$/.test(raw) ? `${raw}栋` : raw;
}

/** "2", "2单元", "二单元"-free inputs → 2; blank → 0 (no entrances). */
function entranceNumber(raw: string): number | null {
  if (raw === '') return 0;
  const match = /^(\d{1,2})(单元)?$/.exec(raw);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The floor a room number is on: "1201" → 12, "502" → 5, "B101" → -1. */
function floorOf(room: string): number {
  if (/^B\d{3,}$/i.test(room)) return -Number(room.slice(1, -2));
  const digits = /^(\d+)\d{2}$/.exec(room);
  return digits?.[1] === undefined ? 1 : Number(digits[1]);
}

/** Reads and checks one data row; either a row or the errors that stop it. */
export function parseImportRow(input: {
  cells: string[];
  line: number;
  mapping: ColumnMapping;
}): { row: ImportRow } | { errors: RowError[] } {
  const { cells, line, mapping } = input;
  const cell = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const errors: RowError[] = [];
  const fail = (field: ImportField, message: string) => errors.push({ line, field, value: cell(field), message });

  const building = buildingName(cell('building'));
  if (building === '') fail('building', '楼栋 is empty.');
  else if (building.length > 40) fail('building', '楼栋 is longer than 40 characters.');
  const entrance = entranceNumber(cell('entrance'));
  if (entrance === null) fail('entrance', '单元 must be a number such as 2 or 2单元.');
  const room = cell('room').replace(/室$/, '').toUpperCase();
  if (!/^[A-Z0-9-]{1,12}$/.test(room)) fail('room', '房号 must be a room number such as 1201.');
  const name = cell('name');
  if (name === '') fail('name', '姓名 is empty.');
  else if (name.length > 100) fail('name', '姓名 is longer than 100 characters.');
  const phone = normalisePhone(cell('phone'));
  if (!isMobilePhone(phone)) fail('phone', phone === '' ? '手机号 is empty.' : '手机号 is not a mobile number: 11 digits starting with 1.');
  const idRaw = cell('idNumber');
  const idNumber = idRaw === '' ? null : normaliseIdNumber(idRaw);
  if (idNumber !== null && !isValidIdNumber(idNumber))
    fail('idNumber', '身份证号 is not valid: 18 characters with a real birth date and a correct check digit.');
  const kindRaw = cell('kind');
  const kind = kindRaw === '' ? 'owner' : KINDS[kindRaw.toLowerCase()];
  if (kind === undefined) fail('kind', '身份 must be 业主 (owner) or 租户 (tenant).');
  const areaRaw = cell('floorArea').replace(/(㎡|m²|平方米|平米)$/i, '');
  const floorArea = areaRaw === '' ? null : Number(areaRaw);
  if (floorArea !== null && (!Number.isFinite(floorArea) || floorArea <= 0 || floorArea > 100_000))
    fail('floorArea', '建筑面积 must be a number of square metres such as 98.5.');
  const moveRaw = cell('moveInAt').replace(/[/.]/g, '-');
  const moveParts = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(moveRaw);
  const moveInAt = moveParts ? `${moveParts[1]}-${moveParts[2]?.padStart(2, '0')}-${moveParts[3]?.padStart(2, '0')}` : null;
  if (moveRaw !== '' && (moveInAt === null || Number.isNaN(Date.parse(moveInAt))))
    fail('moveInAt', '入住日期 must be a date such as 2024-05-01.');

  if (errors.length > 0 || entrance === null || kind === undefined) return { errors };
  return {
    row: {
      line,
      building,
      entrance,
      floor: floorOf(room),
      room,
      name,
      phone,
      idNumber,
      kind,
      floorArea: floorArea !== null && Number.isFinite(floorArea) ? Math.round(floorArea * 100) / 100 : null,
      moveInAt,
    },
  };
}
