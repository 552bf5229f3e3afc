import type { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { type ColumnMapping, IMPORT_FIELDS } from './column-mapping';
import type { Duplicate, DuplicateChoice, PlanSummary } from './import-plan';
import type { RowError } from './import-row';
import type { ReaderNote } from './spreadsheet-reader';

/** How the stored JSON of an ImportBatch is read back, with type guards instead of casts. */
export interface ImportOptions {
  onDuplicate: DuplicateChoice;
  /** Per file line: what to do with that duplicate. */
  decisions: Record<string, DuplicateChoice>;
}

export interface ImportPreview {
  summary: PlanSummary | null;
  duplicates: Duplicate[];
  mappingProblems: string[];
  errorCount: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readMapping(value: unknown): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (!isRecord(value)) return mapping;
  for (const field of IMPORT_FIELDS) {
    const index = value[field];
    if (typeof index === 'number' && Number.isInteger(index)) mapping[field] = index;
  }
  return mapping;
}

function isChoice(value: unknown): value is DuplicateChoice {
  return value === 'merge' || value === 'skip';
}

export function readOptions(value: unknown): ImportOptions {
  if (!isRecord(value)) return { onDuplicate: 'merge', decisions: {} };
  const decisions: Record<string, DuplicateChoice> = {};
  if (isRecord(value.decisions))
    for (const [line, choice] of Object.entries(value.decisions)) if (isChoice(choice)) decisions[line] = choice;
  return { onDuplicate: isChoice(value.onDuplicate) ? value.onDuplicate : 'merge', decisions };
}

export function readStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : String(item ?? ''))) : [];
}

/** The data rows, stored encrypted (they hold phone and ID numbers in plaintext). */
export function readRows(value: unknown, cipher: PersonalDataCipher): string[][] {
  if (!isRecord(value) || typeof value.encrypted !== 'string') return [];
  const parsed: unknown = JSON.parse(cipher.decrypt('secret', value.encrypted));
  return Array.isArray(parsed) ? parsed.map(readStrings) : [];
}

export function sealRows(rows: string[][], cipher: PersonalDataCipher): { encrypted: string } {
  return { encrypted: cipher.encrypt('secret', JSON.stringify(rows)) };
}

function isRowError(value: unknown): value is RowError {
  return isRecord(value) && typeof value.line === 'number' && typeof value.message === 'string' && typeof value.value === 'string';
}

export function readErrors(value: unknown): RowError[] {
  return Array.isArray(value) ? value.filter(isRowError) : [];
}

function isNote(value: unknown): value is ReaderNote {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

export function readNotes(value: unknown): ReaderNote[] {
  return Array.isArray(value) ? value.filter(isNote) : [];
}

function isDuplicate(value: unknown): value is Duplicate {
  return isRecord(value) && typeof value.line === 'number' && typeof value.kind === 'string';
}

function isSummary(value: unknown): value is PlanSummary {
  return isRecord(value) && typeof value.rows === 'number' && typeof value.peopleCreated === 'number';
}

export function readPreview(value: unknown): ImportPreview {
  if (!isRecord(value)) return { summary: null, duplicates: [], mappingProblems: [], errorCount: 0 };
  return {
    summary: isSummary(value.summary) ? value.summary : null,
    duplicates: Array.isArray(value.duplicates) ? value.duplicates.filter(isDuplicate) : [],
    mappingProblems: readStrings(value.mappingProblems),
    errorCount: typeof value.errorCount === 'number' ? value.errorCount : 0,
  };
}

/** Phone- and ID-number-like text masked, for anything shown back from a file. */
export function maskCell(text: string): string {
  const compact = text.replace(/[\s-]/g, '');
  if (/^(\+?86)?1[3-9]\d{9}$/.test(compact)) return `${compact.slice(-11, -8)}****${compact.slice(-4)}`;
  if (/^\d{17}[\dXx]$/.test(compact)) return `${compact.slice(0, 6)}********${compact.slice(-4)}`;
  return text;
}
