import { isRecord, ownEntries } from '../util/records.js';
import type { FormJsonSchema } from './form-json-schema.js';

const SAMPLE_TIME = '2026-01-05T09:00:00+08:00';
/** Tried in turn against a pattern; forms in this domain mostly want phones, IDs and room numbers. */
const PATTERN_CANDIDATES = ['13812345678', '110101199003071234', '3栋2单元1201', 'A1', 'a', '1', 'abc', 'ABC', '2026-01-05', 'x'];

export interface SampleOptions {
  /** 'required' (the default) fills required fields only; 'all' fills every declared field. */
  fill?: 'required' | 'all';
}

/**
 * Minimal data that satisfies a form schema, for simulation and generated scenarios: defaults
 * and examples first, then the smallest value the constraints allow.
 */
export function sampleFormData(schema: FormJsonSchema, options: SampleOptions = {}): unknown {
  return sampleValue(schema, options.fill ?? 'required', 0);
}

function sampleValue(schema: FormJsonSchema, fill: 'required' | 'all', depth: number): unknown {
  if (depth > 16) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (branch !== undefined) return sampleValue(branch, fill, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return sampleString(schema);
    case 'number':
    case 'integer':
      return sampleNumber(schema, type);
    case 'boolean':
      return false;
    case 'array': {
      const items = isRecord(schema.items) && !Array.isArray(schema.items) ? schema.items : {};
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(items, fill, depth + 1));
    }
    case 'null':
      return null;
    case 'object':
    case undefined: {
      const result: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, property] of ownEntries(schema.properties)) {
        if (fill === 'all' || required.has(name)) result[name] = sampleValue(property, fill, depth + 1);
      }
      return result;
    }
  }
}

function sampleString(schema: FormJsonSchema): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  switch (schema.format) {
    case 'date-time':
      return SAMPLE_TIME;
    case 'date':
      return SAMPLE_TIME.slice(0, 10);
    case 'time':
      return '09:00:00+08:00';
    case 'email':
      return 'owner@example.com';
    case 'uri':
      return 'https://example.com/photo.jpg';
    default:
      break;
  }
  const fits = (text: string) => text.length >= min && text.length <= max;
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, 'u');
    const candidate = PATTERN_CANDIDATES.find((text) => pattern.test(text) && fits(text));
    if (candidate !== undefined) return candidate;
  }
  return '样例文本'.repeat(Math.ceil(Math.max(min, 1) / 4)).slice(0, Math.max(min, Math.min(4, max)));
}

function sampleNumber(schema: FormJsonSchema, type: 'number' | 'integer'): number {
  let value = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  return type === 'integer' ? Math.ceil(value) : value;
}
