import { attachmentFieldPattern, isAttachment } from '../forms/attachment-value';

export type DataEntry = { key: string; value: string };

function describe(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => describe(item, yes, no)).filter(Boolean).join('、');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${describe(item, yes, no)}`)
      .join('; ');
  }
  return '';
}

/** Instance data as label/value lines for reading (attachments are shown separately). */
export function dataEntries(data: Record<string, unknown>, labels: { yes: string; no: string }): DataEntry[] {
  return Object.entries(data)
    .filter(([key, value]) => !attachmentFieldPattern.test(key) && !isAttachment(value) && !(Array.isArray(value) && value.length > 0 && value.every(isAttachment)))
    .map(([key, value]) => ({ key, value: describe(value, labels.yes, labels.no) }))
    .filter((entry) => entry.value !== '');
}
