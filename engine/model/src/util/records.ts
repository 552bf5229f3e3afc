// Lookups in JSON records that never reach Object.prototype: a state or form named
// "constructor" must not resolve to a function, and "__proto__" must stay plain data.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function ownValue<T>(record: Readonly<Record<string, T | undefined>> | undefined, key: string): T | undefined {
  if (record === undefined || !Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  return record[key];
}

/** Own entries whose value is defined, in document order. */
export function ownEntries<T>(record: Readonly<Record<string, T | undefined>> | undefined): Array<[string, T]> {
  if (record === undefined) return [];
  const entries: Array<[string, T]> = [];
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value !== undefined) entries.push([key, value]);
  }
  return entries;
}
