import { unitLabel } from '../admin/unit-label';
import type { ImportRow, RowError } from './import-row';

/** What the estate and company hold already, keyed the way rows are matched. */
export interface ImportSnapshot {
  /** "3栋|2|1201" → unit id */
  units: Map<string, string>;
  buildings: Map<string, string>;
  /** phone blind index → person */
  peopleByPhone: Map<string, { id: string; name: string }>;
  /** People on record without an ID number (an import may add it). */
  peopleWithoutIdNumber: Set<string>;
  /** ID number blind index → person id */
  peopleByIdNumber: Map<string, string>;
  /** "unit id|name" → person id, for people living in the estate now or before */
  residentsByUnitAndName: Map<string, string>;
}

export type DuplicateKind = 'same_phone' | 'same_id_number' | 'same_unit_and_name';
export type DuplicateChoice = 'merge' | 'skip';

export interface Duplicate {
  line: number;
  kind: DuplicateKind;
  /** The earlier file line, or null when the match is a person on record. */
  matchesLine: number | null;
  matchesPersonId: string | null;
  choice: DuplicateChoice;
}

/** A person the import refers to: one on record, or one it creates (keyed by normalised phone). */
export type PersonRef = { existing: string } | { created: string };

export interface ImportPlan {
  buildings: string[];
  units: { key: string; building: string; entrance: number; floor: number; room: string; label: string; floorArea: number | null }[];
  people: { phone: string; name: string; idNumber: string | null }[];
  /** People on record who gain an ID number they did not have. */
  idNumbers: { personId: string; idNumber: string }[];
  residencies: { person: PersonRef; unitKey: string; kind: 'owner' | 'tenant'; moveInAt: string | null }[];
  floorAreas: { unitKey: string; floorArea: number }[];
  duplicates: Duplicate[];
  errors: RowError[];
  skipped: number;
}

export interface PlanSummary {
  rows: number;
  buildingsCreated: number;
  unitsCreated: number;
  peopleCreated: number;
  peopleMatched: number;
  residenciesAdded: number;
  skipped: number;
  duplicates: number;
  errors: number;
}

export function unitKey(row: { building: string; entrance: number; room: string }): string {
  return `${row.building}|${row.entrance}|${row.room}`;
}

/**
 * Decides what an import changes: which buildings, units and people to create, whom to match,
 * which residencies to add, and which rows are duplicates (same phone, same ID number, or same
 * unit and name — in the file or on record) resolved by `choices` (merge by default).
 * Pure: the blind index is passed in so that matching needs no decryption.
 */
export function planImport(input: {
  rows: ImportRow[];
  snapshot: ImportSnapshot;
  phoneIndexes: (phone: string) => string[];
  idNumberIndexes: (idNumber: string) => string[];
  defaultChoice: DuplicateChoice;
  choices: ReadonlyMap<number, DuplicateChoice>;
}): ImportPlan {
  const { snapshot } = input;
  const plan: ImportPlan = {
    buildings: [],
    units: [],
    people: [],
    idNumbers: [],
    residencies: [],
    floorAreas: [],
    duplicates: [],
    errors: [],
    skipped: 0,
  };
  const newBuildings = new Set<string>();
  const newUnits = new Map<string, ImportPlan['units'][number]>();
  const filePhones = new Map<string, { line: number; ref: PersonRef; name: string }>();
  const fileIdNumbers = new Map<string, { line: number; ref: PersonRef; phone: string }>();
  const fileUnitNames = new Map<string, { line: number; ref: PersonRef }>();
  const residencyKeys = new Set<string>();
  const idNumbersAdded = new Set<string>();
  const choiceFor = (line: number) => input.choices.get(line) ?? input.defaultChoice;
  const refKey = (ref: PersonRef) => ('existing' in ref ? `e:${ref.existing}` : `c:${ref.created}`);

  for (const row of input.rows) {
    const key = unitKey(row);
    const choice = choiceFor(row.line);
    const duplicate = (kind: DuplicateKind, match: { line: number | null; personId: string | null }) =>
      plan.duplicates.push({ line: row.line, kind, matchesLine: match.line, matchesPersonId: match.personId, choice });

    // Who this row is: the first match wins (phone, then ID number, then unit + name).
    let ref: PersonRef | null = null;
    const inFile = filePhones.get(row.phone);
    const onRecordByPhone = input
      .phoneIndexes(row.phone)
      .map((index) => snapshot.peopleByPhone.get(index))
      .find((person) => person !== undefined);
    const unitId = snapshot.units.get(key);
    if (inFile) {
      ref = inFile.ref;
      if (inFile.name !== row.name)
        duplicate('same_phone', { line: inFile.line, personId: 'existing' in inFile.ref ? inFile.ref.existing : null });
    } else if (onRecordByPhone) {
      ref = { existing: onRecordByPhone.id };
      duplicate('same_phone', { line: null, personId: onRecordByPhone.id });
    }
    if (ref === null && row.idNumber !== null) {
      const fileMatch = fileIdNumbers.get(row.idNumber);
      const recordMatch = input
        .idNumberIndexes(row.idNumber)
        .map((index) => snapshot.peopleByIdNumber.get(index))
        .find((id) => id !== undefined);
      if (fileMatch) {
        ref = fileMatch.ref;
        duplicate('same_id_number', { line: fileMatch.line, personId: null });
      } else if (recordMatch !== undefined) {
        ref = { existing: recordMatch };
        duplicate('same_id_number', { line: null, personId: recordMatch });
      }
    }
    if (ref === null) {
      const fileMatch = fileUnitNames.get(`${key}|${row.name}`);
      const recordMatch = unitId === undefined ? undefined : snapshot.residentsByUnitAndName.get(`${unitId}|${row.name}`);
      if (fileMatch) {
        ref = fileMatch.ref;
        duplicate('same_unit_and_name', { line: fileMatch.line, personId: null });
      } else if (recordMatch !== undefined) {
        ref = { existing: recordMatch };
        duplicate('same_unit_and_name', { line: null, personId: recordMatch });
      }
    }
    const isDuplicate = plan.duplicates.at(-1)?.line === row.line;
    if (isDuplicate && choice === 'skip') {
      plan.skipped++;
      continue;
    }

    // The unit: on record, planned already, or new (and its building with it).
    if (unitId === undefined && !newUnits.has(key)) {
      if (!snapshot.buildings.has(row.building) && !newBuildings.has(row.building)) newBuildings.add(row.building);
      newUnits.set(key, {
        key,
        building: row.building,
        entrance: row.entrance,
        floor: row.floor,
        room: row.room,
        label: unitLabel({ buildingName: row.building, entrance: row.entrance, room: row.room }),
        floorArea: row.floorArea,
      });
    } else if (row.floorArea !== null && unitId !== undefined) {
      plan.floorAreas.push({ unitKey: key, floorArea: row.floorArea });
    }

    if (ref === null) {
      ref = { created: row.phone };
      plan.people.push({ phone: row.phone, name: row.name, idNumber: row.idNumber });
    } else if ('existing' in ref && row.idNumber !== null) {
      const existingId = ref.existing;
      if (snapshot.peopleWithoutIdNumber.has(existingId) && !idNumbersAdded.has(existingId)) {
        idNumbersAdded.add(existingId);
        plan.idNumbers.push({ personId: existingId, idNumber: row.idNumber });
      }
    }
    if (!filePhones.has(row.phone)) filePhones.set(row.phone, { line: row.line, ref, name: row.name });
    if (row.idNumber !== null && !fileIdNumbers.has(row.idNumber))
      fileIdNumbers.set(row.idNumber, { line: row.line, ref, phone: row.phone });
    if (!fileUnitNames.has(`${key}|${row.name}`)) fileUnitNames.set(`${key}|${row.name}`, { line: row.line, ref });

    const residencyKey = `${refKey(ref)}|${key}|${row.kind}`;
    if (!residencyKeys.has(residencyKey)) {
      residencyKeys.add(residencyKey);
      plan.residencies.push({ person: ref, unitKey: key, kind: row.kind, moveInAt: row.moveInAt });
    }
  }
  plan.buildings = [...newBuildings];
  plan.units = [...newUnits.values()];
  return plan;
}

export function summarisePlan(input: { plan: ImportPlan; rows: number; errors: number }): PlanSummary {
  const { plan } = input;
  const matched = new Set(plan.residencies.flatMap((residency) => ('existing' in residency.person ? [residency.person.existing] : [])));
  return {
    rows: input.rows,
    buildingsCreated: plan.buildings.length,
    unitsCreated: plan.units.length,
    peopleCreated: plan.people.length,
    peopleMatched: matched.size,
    residenciesAdded: plan.residencies.length,
    skipped: plan.skipped,
    duplicates: plan.duplicates.length,
    errors: input.errors,
  };
}
