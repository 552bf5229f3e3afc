import { attachmentFieldPattern, isAttachment } from '../forms/attachment-value';

import type { FieldLabel } from './field-labels';

/** `personal`: the value is a masked phone or ID number (138****5678) that its reader may ask to see in full. */
export type DataEntry = { key: string; label: string; value: string; personal?: 'phone' | 'idNumber' };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/**
 * Instance data as label/value lines for reading: titles and option labels from the form when
 * known, attachments left to the attachments panel, bare ids (unit, technician) left out.
 */
export function dataEntries(input: {
  data: Record<string, unknown>;
  yes: string;
  no: string;
  fields?: Record<string, FieldLabel>;
}): DataEntry[] {
  const { data, yes, no, fields = {} } = input;
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
        const option = typeof value === 'string' || typeof value === 'number' ? field?.options[String(value)] : undefined;
        const entry: DataEntry = { key, label: field?.title ?? key, value: option ?? describe(value, yes, no) };
        if (field?.personal !== undefined && typeof value === 'string' && value.includes('*')) entry.personal = field.personal;
        return entry;
      })
      .filter((entry) => entry.value !== '')
  );
}
