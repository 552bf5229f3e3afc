import { describe, expect, it } from 'vitest';
import { planImport, type ImportSnapshot, summarisePlan } from './import-plan';
import type { ImportRow } from './import-row';

function row(line: number, changes: Partial<ImportRow>): ImportRow {
  return {
    line,
    building: '1栋',
    entrance: 1,
    floor: 1,
    room: '101',
    name: '张三',
    phone: '13800000001',
    idNumber: null,
    kind: 'owner',
    floorArea: null,
    moveInAt: null,
    ...changes,
  };
}

function snapshot(changes: Partial<ImportSnapshot> = {}): ImportSnapshot {
  return {
    units: new Map(),
    buildings: new Map(),
    peopleByPhone: new Map(),
    peopleByIdNumber: new Map(),
    peopleWithoutIdNumber: new Set(),
    residentsByUnitAndName: new Map(),
    ...changes,
  };
}

const plan = (
  rows: ImportRow[],
  snap = snapshot(),
  defaultChoice: 'merge' | 'skip' = 'merge',
  choices = new Map<number, 'merge' | 'skip'>(),
) =>
  planImport({
    rows,
    snapshot: snap,
    phoneIndexes: (phone) => [`p:${phone}`],
    idNumberIndexes: (id) => [`i:${id}`],
    defaultChoice,
    choices,
  });

describe('planImport', () => {
  it('creates buildings, units, people and residencies that are not on record', () => {
    const result = plan([row(2, {}), row(3, { room: '102', name: '李四', phone: '13800000002', kind: 'tenant' })]);
    expect(result.buildings).toEqual(['1栋']);
    expect(result.units.map((unit) => unit.label)).toEqual(['1栋1单元101', '1栋1单元102']);
    expect(result.people).toHaveLength(2);
    expect(result.residencies).toHaveLength(2);
    expect(result.duplicates).toEqual([]);
  });

  it('treats one phone on two units as one owner of two units', () => {
    const result = plan([row(2, {}), row(3, { room: '102' })]);
    expect(result.people).toHaveLength(1);
    expect(result.residencies).toHaveLength(2);
    expect(result.duplicates).toEqual([]);
  });

  it('flags the same phone under another name, and merges or skips as chosen', () => {
    const rows = [row(2, {}), row(3, { room: '102', name: '张叁' })];
    expect(plan(rows).duplicates).toEqual([{ line: 3, kind: 'same_phone', matchesLine: 2, matchesPersonId: null, choice: 'merge' }]);
    expect(plan(rows).residencies).toHaveLength(2);
    const skipped = plan(rows, snapshot(), 'merge', new Map([[3, 'skip']]));
    expect(skipped.residencies).toHaveLength(1);
    expect(skipped.skipped).toBe(1);
  });

  it('matches people on record by phone, by ID number, and by unit and name', () => {
    const snap = snapshot({
      units: new Map([['1栋|1|101', 'unit-101']]),
      buildings: new Map([['1栋', 'building-1']]),
      peopleByPhone: new Map([['p:13800000001', { id: 'person-a', name: '张三' }]]),
      peopleByIdNumber: new Map([['i:11010519491231002X', 'person-b']]),
      peopleWithoutIdNumber: new Set(['person-a']),
      residentsByUnitAndName: new Map([['unit-101|王五', 'person-c']]),
    });
    const result = plan(
      [
        row(2, { idNumber: '110101199003074477' }),
        row(3, { phone: '13800000009', idNumber: '11010519491231002X', room: '102' }),
        row(4, { phone: '13800000010', name: '王五' }),
      ],
      snap,
    );
    expect(result.duplicates.map((entry) => [entry.line, entry.kind, entry.matchesPersonId])).toEqual([
      [2, 'same_phone', 'person-a'],
      [3, 'same_id_number', 'person-b'],
      [4, 'same_unit_and_name', 'person-c'],
    ]);
    expect(result.people).toEqual([]);
    expect(result.units.map((unit) => unit.key)).toEqual(['1栋|1|102']);
    expect(result.idNumbers).toEqual([{ personId: 'person-a', idNumber: '110101199003074477' }]);
    expect(summarisePlan({ plan: result, rows: 3, errors: 0 })).toMatchObject({
      peopleCreated: 0,
      peopleMatched: 3,
      unitsCreated: 1,
      buildingsCreated: 0,
    });
  });
});
