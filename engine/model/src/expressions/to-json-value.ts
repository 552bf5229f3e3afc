import { ExpressionError } from './expression-error.js';

/** CEL ints are BigInts; what an expression yields is stored in JSON, so they become numbers. */
export function toJsonValue(value: unknown, expression: string): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExpressionError({ code: 'evaluation', expression, message: 'result is not a finite number' });
    return value;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => toJsonValue(item, expression));
  if (value instanceof Map) {
    const record: Record<string, unknown> = {};
    for (const [key, item] of value) if (typeof key === 'string') record[key] = toJsonValue(item, expression);
    return record;
  }
  if (typeof value === 'object' && value !== undefined && Object.getPrototypeOf(value) === Object.prototype) {
    const record: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) record[key] = toJsonValue(item, expression);
    return record;
  }
  throw new ExpressionError({ code: 'evaluation', expression, message: 'result cannot be stored as JSON' });
}
