import { diffDefinitions, type DefinitionDiff } from '@estateflow/model';
import type { Definition } from '../definition/types';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface VersionChanges {
  /** State paths and transition ids → what happened to them between `from` and `to`. */
  elements: Map<string, ChangeKind>;
  forms: Map<string, ChangeKind>;
  /** Other parts that changed: parameters, notifications, name, delays, roles, the start form. */
  other: string[];
}

type ChangeSet = DefinitionDiff['states'];

function byId(into: Map<string, ChangeKind>, changes: ChangeSet): void {
  for (const id of changes.added) into.set(id, 'added');
  for (const id of changes.removed) into.set(id, 'removed');
  for (const id of changes.changed) into.set(id, 'changed');
}

function anyChange(changes: ChangeSet): boolean {
  return changes.added.length + changes.removed.length + changes.changed.length > 0;
}

/**
 * What changed between two versions for the side-by-side view: the model's `diffDefinitions`
 * (states, transitions, forms, parameters, notifications by stable id), arranged per element,
 * plus the top-level settings the model's diff does not itemise.
 */
export function versionChanges(from: Definition, to: Definition): VersionChanges {
  const diff = diffDefinitions(from, to);
  const elements = new Map<string, ChangeKind>();
  byId(elements, diff.states);
  byId(elements, diff.transitions);
  const forms = new Map<string, ChangeKind>();
  byId(forms, diff.forms);
  const other: string[] = [];
  if (anyChange(diff.parameters)) other.push('parameters');
  if (anyChange(diff.notifications)) other.push('notifications');
  for (const key of ['name', 'delays', 'roles', 'startForm'] as const)
    if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) other.push(key);
  return { elements, forms, other };
}
