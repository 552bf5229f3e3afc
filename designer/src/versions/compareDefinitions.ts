import { listStates, listTransitions } from '../definition/stateTree';
import type { Definition, StateConfig } from '../definition/types';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface DefinitionComparison {
  /** State and transition ids → what happened to them between `from` and `to`. */
  elements: Map<string, ChangeKind>;
  forms: Map<string, ChangeKind>;
  other: string[];
}

function ownPart(config: StateConfig): string {
  const copy: StateConfig = { ...config };
  delete copy.states;
  delete copy.on;
  delete copy.after;
  delete copy.always;
  delete copy.onDone;
  return JSON.stringify(copy);
}

function compareMaps(from: Map<string, string>, to: Map<string, string>, into: Map<string, ChangeKind>): void {
  for (const [id, value] of to) {
    const before = from.get(id);
    if (before === undefined) into.set(id, 'added');
    else if (before !== value) into.set(id, 'changed');
  }
  for (const id of from.keys()) if (!to.has(id)) into.set(id, 'removed');
}

/** What changed between two versions, per state, transition and form, for the side-by-side view. */
export function compareDefinitions(from: Definition, to: Definition): DefinitionComparison {
  const elements = new Map<string, ChangeKind>();
  const statesOf = (definition: Definition) => new Map(listStates(definition.machine).map((state) => [state.id, ownPart(state.config)]));
  const transitionsOf = (definition: Definition) =>
    new Map(listTransitions(definition.machine).map((transition) => [transition.id, JSON.stringify(transition.config)]));
  compareMaps(statesOf(from), statesOf(to), elements);
  compareMaps(transitionsOf(from), transitionsOf(to), elements);
  const forms = new Map<string, ChangeKind>();
  const formsOf = (definition: Definition) => new Map(Object.entries(definition.forms).map(([name, form]) => [name, JSON.stringify(form)]));
  compareMaps(formsOf(from), formsOf(to), forms);
  const other = (['name', 'parameters', 'notifications', 'delays', 'roles', 'startForm'] as const).filter(
    (key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]),
  );
  return { elements, forms, other };
}
