// Date / date-time ranges are stored either as a two-item array (schema `type: "array"`) or as
// an ISO 8601 interval string "start/end" (schema `type: "string"`).

export type RangeValue = [string, string] | null;

export function readRange(value: unknown): RangeValue {
  if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  if (typeof value === 'string') {
    const [start, end] = value.split('/');
    if (start && end) return [start, end];
  }
  return null;
}

export function writeRange(range: RangeValue, schemaType: unknown): string[] | string | undefined {
  if (!range) return undefined;
  return schemaType === 'string' ? `${range[0]}/${range[1]}` : [range[0], range[1]];
}
