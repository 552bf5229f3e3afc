import { isRecord } from './format/is-record';

/** What happened to one parameter when an estate moves from one version to the next. */
export type ParameterOutcome =
  /** The estate had its own value and the new version kept the old default: the value stays. */
  | 'kept'
  /** The estate used the default: it follows the new version's default. */
  | 'default'
  /** New in this version: its default applies. */
  | 'added'
  /** Gone from the new version: the estate's value is dropped. */
  | 'removed'
  /** The estate changed it and so did the new version: the estate's value stays, flagged for review. */
  | 'conflict';

export interface ParameterChange {
  name: string;
  outcome: ParameterOutcome;
  /** v1's default, the estate's value, v2's default (absent when there is none). */
  base?: unknown;
  estate?: unknown;
  next?: unknown;
}

export interface ParameterMerge {
  /** The estate's values to store with the new version (only what differs from following v2's defaults). */
  values: Record<string, unknown>;
  changes: ParameterChange[];
  conflicts: ParameterChange[];
}

/**
 * Three-way merge of an estate's parameter values across a version change: base = the old
 * version's defaults, ours = the estate's own values, theirs = the new version's defaults.
 * An estate value survives unless the parameter is gone; where both sides changed a default the
 * estate's value wins and the pair is listed as a conflict for a person to look at.
 */
export function mergeParameters(options: {
  baseSchema: unknown;
  nextSchema: unknown;
  estateValues: Record<string, unknown>;
}): ParameterMerge {
  const base = defaultsOf(options.baseSchema);
  const next = defaultsOf(options.nextSchema);
  const nextNames = propertyNames(options.nextSchema);
  const baseNames = propertyNames(options.baseSchema);
  const values: Record<string, unknown> = {};
  const changes: ParameterChange[] = [];
  const names = [...new Set([...baseNames, ...nextNames, ...Object.keys(options.estateValues)])].sort();
  for (const name of names) {
    const hasEstate = Object.prototype.hasOwnProperty.call(options.estateValues, name);
    const estate = hasEstate ? options.estateValues[name] : undefined;
    const change: ParameterChange = { name, outcome: 'default' };
    if (base.has(name)) change.base = base.get(name);
    if (hasEstate) change.estate = estate;
    if (next.has(name)) change.next = next.get(name);
    if (!nextNames.has(name)) {
      if (hasEstate || baseNames.has(name)) changes.push({ ...change, outcome: 'removed' });
      continue;
    }
    if (!baseNames.has(name) && !hasEstate) {
      changes.push({ ...change, outcome: 'added' });
      continue;
    }
    if (!hasEstate) {
      changes.push({ ...change, outcome: 'default' });
      continue;
    }
    values[name] = estate;
    const defaultChanged = !sameJson(base.get(name), next.get(name));
    const estateDiffers = !sameJson(estate, next.get(name));
    changes.push({ ...change, outcome: defaultChanged && estateDiffers && !sameJson(estate, base.get(name)) ? 'conflict' : 'kept' });
  }
  return { values, changes, conflicts: changes.filter((change) => change.outcome === 'conflict') };
}

function propertyNames(schema: unknown): Set<string> {
  const properties = isRecord(schema) && isRecord(schema['properties']) ? schema['properties'] : {};
  return new Set(Object.keys(properties));
}

function defaultsOf(schema: unknown): Map<string, unknown> {
  const defaults = new Map<string, unknown>();
  const properties = isRecord(schema) && isRecord(schema['properties']) ? schema['properties'] : {};
  for (const [name, property] of Object.entries(properties))
    if (isRecord(property) && property['default'] !== undefined) defaults.set(name, property['default']);
  return defaults;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
