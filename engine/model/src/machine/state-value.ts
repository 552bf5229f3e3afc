import { isRecord } from '../util/records.js';

/** XState's state value as JSON: "closed", { inProgress: "work" }, { repairing: { a: "x", b: "y" } }. */
export type StateValueJson = string | { [region: string]: StateValueJson };

export function isStateValue(value: unknown): value is StateValueJson {
  if (typeof value === 'string') return true;
  if (!isRecord(value)) return false;
  return Object.values(value).every(isStateValue);
}

/** Paths of the active atomic (leaf) states, in document order. */
export function activeLeafPaths(value: StateValueJson, prefix?: string): string[] {
  if (typeof value === 'string') return [prefix === undefined ? value : `${prefix}.${value}`];
  return Object.entries(value).flatMap(([name, child]) => activeLeafPaths(child, prefix === undefined ? name : `${prefix}.${name}`));
}

/** Paths of every active state, ancestors included, parents before children. */
export function activeStatePaths(value: StateValueJson): string[] {
  const paths: string[] = [];
  for (const leaf of activeLeafPaths(value)) {
    const segments = leaf.split('.');
    segments.forEach((_segment, index) => {
      const path = segments.slice(0, index + 1).join('.');
      if (!paths.includes(path)) paths.push(path);
    });
  }
  return paths;
}

/**
 * One stable string for a state value: the leaf path ("works.patrolling"), or for parallel
 * regions the leaf paths joined by " | " in document order ("repairing.a.x | repairing.b.y").
 */
export function stateValueToString(value: StateValueJson): string {
  return activeLeafPaths(value).join(' | ');
}
