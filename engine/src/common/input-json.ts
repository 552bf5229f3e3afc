import type { Prisma } from '../generated/prisma/client';

/**
 * A JSON value as Prisma takes it for a Json column. Interfaces (a WorkflowDefinition) lack the
 * index signature Prisma's type wants, so values are checked once here instead of cast.
 * Throws for anything JSON cannot carry (functions, undefined inside arrays, NaN).
 */
export function toInputJson(value: unknown): Prisma.InputJsonValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JSON cannot hold a non-finite number');
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => (item === null ? null : toInputJson(item)));
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, Prisma.InputJsonValue | null> = {};
    for (const key of Object.keys(value)) {
      const item: unknown = Reflect.get(value, key);
      if (item === undefined) continue;
      result[key] = item === null ? null : toInputJson(item);
    }
    return result;
  }
  throw new TypeError(`JSON cannot hold a ${typeof value}`);
}
