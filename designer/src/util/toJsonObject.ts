import type { JsonObject, JsonValue } from '@estateflow/runtime-web/api';
import { isRecord } from './isRecord';

function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  if (isRecord(value)) return toJsonObject(value);
  return undefined;
}

/** A plain object as JSON (what the shared form set takes): undefined members dropped. */
export function toJsonObject(value: unknown): JsonObject {
  const result: JsonObject = {};
  if (!isRecord(value)) return result;
  for (const [key, member] of Object.entries(value)) {
    const json = toJsonValue(member);
    if (json !== undefined) result[key] = json;
  }
  return result;
}
