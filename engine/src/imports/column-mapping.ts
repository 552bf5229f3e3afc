/** The fields an owners-and-units row can carry. building, room, name and phone are required. */
export const IMPORT_FIELDS = ['building', 'entrance', 'room', 'name', 'phone', 'idNumber', 'kind', 'floorArea', 'moveInAt'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['building', 'room', 'name', 'phone'];

/** Field → 0-based column index in the file. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export interface MappingPreset {
  id: string;
  name: { 'zh-CN': string; en: string };
  /** Header texts (normalised: no spaces, lower case) that name each field. */
  headers: Record<ImportField, string[]>;
}

/** The header names people actually use, as presets (the mapping screen offers them). */
export const MAPPING_PRESETS: MappingPreset[] = [
  {
    id: 'standard-zh',
    name: { 'zh-CN': '标准业主名册（楼栋/单元/房号/姓名/手机号/身份证号/身份/建筑面积）', en: 'Standard owner register (Chinese headers)' },
    headers: {
      building: ['楼栋', '楼号', '栋', '楼栋号', '楼宇', '幢'],
      entrance: ['单元', '单元号'],
      room: ['房号', '房间号', '室', '房屋编号', '门牌号'],
      name: ['姓名', '业主姓名', '住户姓名', '客户名称', '业主'],
      phone: ['手机号', '手机', '手机号码', '电话', '联系电话', '联系方式'],
      idNumber: ['身份证号', '身份证', '身份证号码', '证件号码', '证件号'],
      kind: ['身份', '类型', '住户类型', '业主/租户', '客户类型'],
      floorArea: ['建筑面积', '面积', '建筑面积(㎡)', '建筑面积（㎡）', '建筑面积(m²)'],
      moveInAt: ['入住日期', '入住时间', '交房日期'],
    },
  },
  {
    id: 'standard-en',
    name: { 'zh-CN': '英文表头（building/entrance/room/name/phone/id_number/kind/floor_area）', en: 'English headers' },
    headers: {
      building: ['building'],
      entrance: ['entrance', 'unitentrance'],
      room: ['room', 'roomnumber'],
      name: ['name', 'ownername'],
      phone: ['phone', 'mobile', 'phonenumber'],
      idNumber: ['idnumber', 'id_number', 'id'],
      kind: ['kind', 'type', 'role'],
      floorArea: ['floorarea', 'floor_area', 'area'],
      moveInAt: ['moveinat', 'move_in_at', 'moveindate'],
    },
  },
];

function normaliseHeader(header: string): string {
  return header.replace(/[\s*＊:：]/g, '').toLowerCase();
}

/** Maps headers to fields with the presets; every header is used at most once. */
export function autoMap(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const names = new Set(MAPPING_PRESETS.flatMap((preset) => preset.headers[field]).map(normaliseHeader));
    const index = headers.findIndex((header, position) => !used.has(position) && names.has(normaliseHeader(header)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** Problems with a mapping: required fields missing, columns out of range or used twice. */
export function mappingProblems(input: { mapping: ColumnMapping; columnCount: number }): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_FIELDS) if (input.mapping[field] === undefined) problems.push(`No column is mapped to "${field}".`);
  const seen = new Map<number, string>();
  for (const field of IMPORT_FIELDS) {
    const index = input.mapping[field];
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0 || index >= input.columnCount)
      problems.push(`"${field}" points at column ${index + 1}, which the file does not have.`);
    const other = seen.get(index);
    if (other !== undefined) problems.push(`"${field}" and "${other}" both use column ${index + 1}.`);
    seen.set(index, field);
  }
  return problems;
}
