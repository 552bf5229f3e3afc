import { attachmentFieldPattern, isAttachment } from '../forms/attachment-value';

import type { FieldLabel } from './field-labels';
import { maskedNumbersIn } from './masked-numbers';

/**
 * One line of an instance's data for reading. `personal`: the value is a masked phone or ID
 * number (138****5678) — or free text with one written in it (kind `text`, `idNumber` says
 * whether an ID number is among them) — whose reader may ask to see it in full, at the JSON pointer `path`.
 * `children`: the labelled fields of an object; `rows`: those of each item of a list of objects.
 */
export type DataEntry = {
  key: string;
  label: string;
  value: string;
  personal?: { kind: 'phone' | 'idNumber' | 'text'; path: string; idNumber?: boolean };
  children?: DataEntry[];
  rows?: DataEntry[][];
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value
      .map((item) => describe(item, yes, no))
      .filter(Boolean)
      .join('、');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${describe(item, yes, no)}`)
      .join('; ');
  }
  return '';
}

const pointer = (path: readonly string[]) => path.map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

function entriesOf(input: {
  data: Record<string, unknown>;
  yes: string;
  no: string;
  fields: Record<string, FieldLabel>;
  path: readonly string[];
}): DataEntry[] {
  const { data, yes, no, fields } = input;
  return (
    Object.entries(data)
      .filter(
        ([key, value]) =>
          !attachmentFieldPattern.test(key) &&
          !isAttachment(value) &&
          !(Array.isArray(value) && value.length > 0 && value.every(isAttachment)),
      )
      .filter(([, value]) => !(typeof value === 'string' && uuid.test(value)))
      // With the form known, what it does not ask for is the workflow's own bookkeeping.
      .filter(([key]) => Object.keys(fields).length === 0 || key in fields)
      .map(([key, value]) => {
        const field = fields[key];
        const path = [...input.path, key];
        if (field?.fields !== undefined && isRecord(value)) {
          const children = entriesOf({ data: value, yes, no, fields: field.fields, path });
          return { key, label: field.title, value: '', children };
        }
        if (field?.fields !== undefined && Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
          const nested = field.fields;
          const rows = value.map((item, index) => entriesOf({ data: item, yes, no, fields: nested, path: [...path, String(index)] }));
          return { key, label: field.title, value: '', rows };
        }
        const optionOf = (item: unknown) =>
          typeof item === 'string' || typeof item === 'number' ? field?.options[String(item)] : undefined;
        const option =
          Array.isArray(value) && value.length > 0 && value.every((item) => optionOf(item) !== undefined)
            ? value.map(optionOf).join('、')
            : optionOf(value);
        const entry: DataEntry = { key, label: field?.title ?? key, value: option ?? describe(value, yes, no) };
        const masked = option === undefined && typeof value === 'string' ? maskedNumbersIn(value) : null;
        if (field?.personal !== undefined && typeof value === 'string' && value.includes('*'))
          entry.personal = { kind: field.personal, path: pointer(path) };
        else if (masked !== null)
          entry.personal = { kind: 'text', path: pointer(path), ...(masked === 'idNumber' ? { idNumber: true } : {}) };
        return entry;
      })
      .filter((entry) => entry.value !== '' || (entry.children?.length ?? 0) > 0 || (entry.rows?.length ?? 0) > 0)
  );
}

/**
 * Instance data as label/value lines for reading: titles and option labels from the form when
 * known (inside objects and lists of objects too), attachments left to the attachments panel,
 * bare ids (unit, technician) left out.
 */
export function dataEntries(input: {
  data: Record<string, unknown>;
  yes: string;
  no: string;
  fields?: Record<string, FieldLabel>;
}): DataEntry[] {
  return entriesOf({ data: input.data, yes: input.yes, no: input.no, fields: input.fields ?? {}, path: [] });
}
