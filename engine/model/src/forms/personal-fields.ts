import type { LocalizedMessage } from '../localized.js';
import { isMobilePhone, isValidIdNumber, normaliseIdNumber, normalisePhone } from '../personal-data/personal-numbers.js';
import { jsonPointer } from '../util/json-pointer.js';
import type { FieldError } from './compile-form-validator.js';

/**
 * Personal data in forms (PIPL; DOMAIN.md "Owner data"). A form field is a phone number or an ID
 * number when its uiSchema widget says so — the same `ui:widget` that gives it its input and its
 * check digit in the browser — and the engine then never stores what was typed there: it keeps the
 * value encrypted apart and puts a masked token in the data (docs/definition-format.md, "Personal data").
 */
export type PersonalDataKind = 'phone' | 'idNumber';

/**
 * Where a form's fields that are not free text are, as a tree beside its data: a phone or ID number
 * field; an `opaque` field (any other widget than text or textarea: a choice, a photo, a staff
 * member, a date range…, whose value is no one's writing); below an object field, its properties;
 * below an array field, `items`. Every other string in the data is free text, where numbers
 * written inside are sealed too (`mapFreeText`).
 */
export type PersonalFieldTree = FieldKind | { properties: Map<string, PersonalFieldTree>; items: PersonalFieldTree | null };
type FieldKind = PersonalDataKind | 'opaque';

const TEXT_WIDGETS = new Set(['text', 'textarea']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPersonalDataKind(value: unknown): value is PersonalDataKind {
  return value === 'phone' || value === 'idNumber';
}

/** The personal and opaque fields a uiSchema marks, or null when it marks none (every string is free text). */
export function personalFieldTree(uiSchema: unknown): PersonalFieldTree | null {
  if (!isRecord(uiSchema)) return null;
  const widget = uiSchema['ui:widget'];
  if (isPersonalDataKind(widget)) return widget;
  if (typeof widget === 'string' && !TEXT_WIDGETS.has(widget)) return 'opaque';
  const properties = new Map<string, PersonalFieldTree>();
  let items: PersonalFieldTree | null = null;
  for (const [key, child] of Object.entries(uiSchema)) {
    if (key.startsWith('ui:')) continue;
    const tree = personalFieldTree(child);
    if (tree === null) continue;
    if (key === 'items') items = tree;
    else properties.set(key, tree);
  }
  return properties.size === 0 && items === null ? null : { properties, items };
}

type Replace = (value: string, kind: PersonalDataKind, path: readonly string[]) => string;

/**
 * A copy of `data` with each non-empty string at a personal field replaced by `replace(value, kind,
 * path)`; everything else is shared, not copied. Values of another type are left for the form's own schema.
 */
export function mapPersonalFields(data: unknown, tree: PersonalFieldTree, replace: Replace): unknown {
  return mapAt(data, tree, replace, []);
}

function mapAt(data: unknown, tree: PersonalFieldTree, replace: Replace, path: readonly string[]): unknown {
  if (tree === 'opaque') return data;
  if (typeof tree === 'string') return typeof data === 'string' && data !== '' ? replace(data, tree, path) : data;
  if (Array.isArray(data)) {
    const { items } = tree;
    return items === null ? data : data.map((item, index) => mapAt(item, items, replace, [...path, String(index)]));
  }
  if (!isRecord(data)) return data;
  let copy: Record<string, unknown> | null = null;
  for (const [key, child] of tree.properties) {
    if (!Object.hasOwn(data, key)) continue;
    const mapped = mapAt(data[key], child, replace, [...path, key]);
    if (mapped === data[key]) continue;
    copy ??= { ...data };
    Object.defineProperty(copy, key, { value: mapped, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? data;
}

/**
 * A copy of `data` with each non-empty free-text string — any string not at a personal or opaque
 * field of `tree`, at any depth, also where the form's schema lets in fields its uiSchema does not
 * name — replaced by `replace(value, path)`; everything else is shared, not copied.
 */
export function mapFreeText(
  data: unknown,
  tree: PersonalFieldTree | null,
  replace: (value: string, path: readonly string[]) => string,
): unknown {
  return mapTextAt(data, tree, replace, []);
}

function mapTextAt(
  data: unknown,
  tree: PersonalFieldTree | null,
  replace: (value: string, path: readonly string[]) => string,
  path: readonly string[],
): unknown {
  if (typeof tree === 'string') return data;
  if (typeof data === 'string') return data === '' ? data : replace(data, path);
  if (Array.isArray(data)) {
    let copy: unknown[] | null = null;
    data.forEach((item, index) => {
      const mapped = mapTextAt(item, tree?.items ?? null, replace, [...path, String(index)]);
      if (mapped === item) return;
      copy ??= [...data];
      copy[index] = mapped;
    });
    return copy ?? data;
  }
  if (!isRecord(data)) return data;
  let copy: Record<string, unknown> | null = null;
  for (const [key, child] of Object.entries(data)) {
    const mapped = mapTextAt(child, tree?.properties.get(key) ?? null, replace, [...path, key]);
    if (mapped === child) continue;
    copy ??= { ...data };
    Object.defineProperty(copy, key, { value: mapped, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? data;
}

const INVALID: Record<PersonalDataKind, LocalizedMessage> = {
  phone: { 'zh-CN': '手机号格式不正确', en: 'not a valid mobile number' },
  idNumber: { 'zh-CN': '身份证号校验不通过，请检查', en: 'this ID number fails its check digit' },
};

/**
 * What JSON Schema cannot say about a phone or ID number field — the checks the form makes in
 * the browser too: a mainland mobile number; an ID number with a real birth date and check
 * character. One error per field, at its JSON pointer, like the form validator's.
 */
export function personalFieldErrors(data: unknown, tree: PersonalFieldTree): FieldError[] {
  const errors: FieldError[] = [];
  mapPersonalFields(data, tree, (value, kind, path) => {
    const valid = kind === 'phone' ? isMobilePhone(normalisePhone(value)) : isValidIdNumber(normaliseIdNumber(value));
    if (!valid) errors.push({ path: jsonPointer(path), message: INVALID[kind] });
    return value;
  });
  return errors;
}
