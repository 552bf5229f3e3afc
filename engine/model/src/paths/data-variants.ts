import type { FormJsonSchema } from '../forms/form-json-schema.js';
import { sampleFormData } from '../forms/sample-form-data.js';
import { isRecord, ownEntries } from '../util/records.js';

/**
 * Candidate form data for the path search: the minimal valid data, then one variant per value
 * a guard is likely to test — each enum value, both booleans, a number's bounds — one top-level
 * field changed at a time, and only for `relevantFields` (the fields guards read) when given.
 */
export function dataVariants(schema: FormJsonSchema | undefined, relevantFields?: ReadonlySet<string>): Array<Record<string, unknown>> {
  if (schema === undefined) return [{}];
  const sampled = sampleFormData(schema);
  const base = isRecord(sampled) ? sampled : {};
  const variants: Array<Record<string, unknown>> = [base];
  const seen = new Set([JSON.stringify(base)]);
  const add = (field: string, value: unknown) => {
    const variant = { ...base, [field]: value };
    const key = JSON.stringify(variant);
    if (!seen.has(key)) {
      seen.add(key);
      variants.push(variant);
    }
  };
  for (const [field, property] of ownEntries(schema.properties)) {
    if (relevantFields !== undefined && !relevantFields.has(field)) continue;
    for (const value of property.enum ?? []) add(field, value);
    if (property.type === 'boolean') [true, false].forEach((value) => add(field, value));
    if (property.type === 'number' || property.type === 'integer') {
      if (property.minimum !== undefined) add(field, property.minimum);
      if (property.maximum !== undefined) add(field, property.maximum);
    }
  }
  return variants;
}
