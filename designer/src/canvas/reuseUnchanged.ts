import { isRecord } from '../util/isRecord';

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is(a[key], b[key]) || (isRecord(a[key]) && isRecord(b[key]) && shallowEqual(a[key], b[key])));
}

/**
 * Keeps the previous object for every element that did not change (two levels deep: position,
 * style, data), so React Flow and the memoised node views only redo the few that did — a click
 * on a 300-state chart must not rebuild 300 nodes.
 */
export function reuseUnchanged<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const before = new Map(previous.map((element) => [element.id, element]));
  let changed = previous.length !== next.length;
  const result = next.map((element, index) => {
    const old = before.get(element.id);
    if (old && shallowEqual(old, element)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return element;
  });
  return changed ? result : [...previous];
}
