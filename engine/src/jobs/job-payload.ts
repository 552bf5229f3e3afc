/** Reading job payloads written by other modules: what is there and of the right type, nothing more. */
export function payloadString(payload: Record<string, unknown>, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function payloadArray(payload: Record<string, unknown>, name: string): unknown[] {
  const value = payload[name];
  return Array.isArray(value) ? value : [];
}

export function payloadRecord(payload: Record<string, unknown>, name: string): Record<string, unknown> | null {
  const value = payload[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : null;
}

export function payloadNumber(payload: Record<string, unknown>, name: string): number | null {
  const value = payload[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
