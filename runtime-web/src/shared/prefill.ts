import type { JsonObject } from '../api/types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Start-form data with the unit already chosen: every top-level field whose uiSchema widget is
 * "unit" gets the unit id, unless the user (or a draft) already set one.
 */
export function prefillUnit(input: { uiSchema: unknown; data: JsonObject; unitId: string | undefined }): JsonObject {
  const { uiSchema, data, unitId } = input;
  if (!unitId || !isRecord(uiSchema)) return data;
  const next: JsonObject = { ...data };
  for (const [field, fieldUi] of Object.entries(uiSchema)) {
    if (isRecord(fieldUi) && fieldUi['ui:widget'] === 'unit' && next[field] === undefined) next[field] = unitId;
  }
  return next;
}
