const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first key anywhere in a JSON value that could reach an object's prototype, or null. */
export function findForbiddenKey(value: unknown, path = ''): string | null {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findForbiddenKey(value[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN.has(key)) return at;
    const found = findForbiddenKey(Reflect.get(value, key), at);
    if (found !== null) return found;
  }
  return null;
}
