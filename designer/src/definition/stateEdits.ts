import { getState, listStates, parentIdOf, pathOf, resolveTarget, stateIdOf, transitionList } from './stateTree';
import { nonEmpty } from './nonEmpty';
import type { Definition, Point, StateConfig, StateKind, StateMap, TransitionConfig, TransitionList } from './types';

/** Pure edits of the machine's states: each takes a definition and returns a new one. */

function mapStates(states: StateMap | undefined, path: string[], update: (config: StateConfig) => StateConfig): StateMap | undefined {
  const [head, ...rest] = path;
  if (!states || head === undefined) return states;
  const current = states[head];
  if (!current) return states;
  const next = rest.length === 0 ? update(current) : { ...current, states: mapStates(current.states, rest, update) };
  return { ...states, [head]: next };
}

export function updateState(definition: Definition, id: string, update: (config: StateConfig) => StateConfig): Definition {
  return { ...definition, machine: { ...definition.machine, states: mapStates(definition.machine.states, pathOf(id), update) ?? {} } };
}

/** What a state holding children looks like, whether it is a state or the machine root. */
interface Container {
  type?: StateConfig['type'];
  initial?: string;
  states?: StateMap;
}

/** Runs `update` on the container of `parentId`'s children (`null` = the machine root). */
function updateChildren(
  definition: Definition,
  parentId: string | null,
  update: (parent: Container) => { states: StateMap; initial?: string },
): Definition {
  if (parentId === null) {
    const patch = update(definition.machine);
    return {
      ...definition,
      machine: { ...definition.machine, states: patch.states, initial: patch.initial ?? definition.machine.initial },
    };
  }
  return updateState(definition, parentId, (parent) => {
    const patch = update(parent);
    const next: StateConfig = { ...parent, states: patch.states };
    if (patch.initial !== undefined) next.initial = patch.initial;
    else if (parent.initial !== undefined && !Object.hasOwn(patch.states, parent.initial)) delete next.initial;
    return next;
  });
}

export function uniqueKey(existing: Iterable<string>, base: string): string {
  const taken = new Set(existing);
  if (!taken.has(base)) return base;
  for (let index = 2; ; index += 1) if (!taken.has(`${base}_${index}`)) return `${base}_${index}`;
}

function siblingsOf(definition: Definition, parentId: string | null): StateMap {
  const parent = parentId === null ? definition.machine : getState(definition.machine, parentId);
  return parent?.states ?? {};
}

export function newStateConfig(kind: StateKind): StateConfig {
  const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });
  switch (kind) {
    case 'atomic':
      return { meta: label('新状态', 'New state') };
    case 'final':
      return { type: 'final', meta: label('结束', 'Done') };
    case 'compound':
      return { initial: 'step', meta: label('阶段', 'Stage'), states: { step: { meta: label('步骤', 'Step') } } };
    case 'parallel':
      return {
        type: 'parallel',
        meta: label('并行', 'Parallel'),
        states: {
          regionA: { initial: 'a', meta: label('分支 A', 'Region A'), states: { a: { meta: label('步骤 A', 'Step A') } } },
          regionB: { initial: 'b', meta: label('分支 B', 'Region B'), states: { b: { meta: label('步骤 B', 'Step B') } } },
        },
      };
  }
}

export function setNodePosition(definition: Definition, id: string, position: Point): Definition {
  const nodes = { ...definition.layout?.nodes };
  nodes[id] = { ...nodes[id], x: Math.round(position.x), y: Math.round(position.y) };
  return { ...definition, layout: { ...definition.layout, nodes } };
}

/** Adds a state under `parentId` (null = top level) and returns it with its new id. */
export function addState(
  definition: Definition,
  input: { parentId: string | null; kind: StateKind; position: Point; key?: string; config?: StateConfig },
): { definition: Definition; id: string } {
  const siblings = siblingsOf(definition, input.parentId);
  const base = input.key ?? (input.kind === 'final' ? 'done' : input.kind === 'atomic' ? 'state' : input.kind);
  const key = uniqueKey(Object.keys(siblings), base);
  const config = input.config ?? newStateConfig(input.kind);
  let next = updateChildren(definition, input.parentId, (parent) => {
    const states = { ...parent.states, [key]: config };
    const needsInitial = parent.type !== 'parallel' && (!parent.initial || !parent.states?.[parent.initial]);
    return needsInitial ? { states, initial: key } : { states };
  });
  const id = input.parentId ? `${input.parentId}.${key}` : key;
  next = setNodePosition(next, id, input.position);
  return { definition: next, id };
}

function dropTargets(value: TransitionList | undefined, keep: (target: string) => boolean): TransitionList | undefined {
  return nonEmpty(transitionList(value).filter((config) => config.target === undefined || keep(config.target)));
}

function withoutTransitionsInto(definition: Definition, removed: Set<string>): Definition {
  let next = definition;
  const states = listStates(definition.machine);
  for (const state of states) {
    if (removed.has(state.id)) continue;
    const keep = (target: string) => {
      const resolved = resolveTarget({ machine: definition.machine, sourceId: state.id, target, states });
      return resolved === null || ![...removed].some((gone) => resolved === gone || resolved.startsWith(`${gone}.`));
    };
    if (!state.config.on && !state.config.after && state.config.always === undefined && state.config.onDone === undefined) continue;
    next = updateState(next, state.id, (config) => {
      const on = Object.fromEntries(
        Object.entries(config.on ?? {})
          .map(([event, value]): [string, TransitionList | undefined] => [event, dropTargets(value, keep)])
          .filter((entry): entry is [string, TransitionList] => entry[1] !== undefined),
      );
      const after = Object.fromEntries(
        Object.entries(config.after ?? {})
          .map(([delay, value]): [string, TransitionList | undefined] => [delay, dropTargets(value, keep)])
          .filter((entry): entry is [string, TransitionList] => entry[1] !== undefined),
      );
      const always = dropTargets(config.always, keep);
      const onDone = dropTargets(config.onDone, keep);
      const result: StateConfig = { ...config };
      if (config.on) result.on = on;
      if (config.after) result.after = after;
      if (always === undefined) delete result.always;
      else result.always = always;
      if (onDone === undefined) delete result.onDone;
      else result.onDone = onDone;
      return result;
    });
  }
  return next;
}

/** Removes states (and their children, the transitions into them and their layout). */
export function removeStates(definition: Definition, ids: readonly string[]): Definition {
  const removed = new Set(ids);
  let next = withoutTransitionsInto(definition, removed);
  for (const id of ids) {
    const key = pathOf(id).at(-1);
    if (key === undefined || !getState(next.machine, id)) continue;
    next = updateChildren(next, parentIdOf(id), (parent) => {
      const states = { ...parent.states };
      delete states[key];
      const remaining = Object.keys(states)[0];
      return parent.initial === key && remaining !== undefined && parent.type !== 'parallel' ? { states, initial: remaining } : { states };
    });
  }
  const nodes = Object.fromEntries(
    Object.entries(next.layout?.nodes ?? {}).filter(
      ([nodeId]) => ![...removed].some((gone) => nodeId === gone || nodeId.startsWith(`${gone}.`)),
    ),
  );
  return next.layout ? { ...next, layout: { ...next.layout, nodes } } : next;
}

export function setInitial(definition: Definition, id: string): Definition {
  const key = pathOf(id).at(-1);
  if (key === undefined) return definition;
  return updateChildren(definition, parentIdOf(id), (parent) =>
    parent.type === 'parallel' ? { states: parent.states ?? {} } : { states: parent.states ?? {}, initial: key },
  );
}

function renameTargets(value: TransitionList | undefined, rename: (target: string) => string): TransitionList | undefined {
  return nonEmpty(
    transitionList(value).map((config): TransitionConfig =>
      config.target === undefined ? config : { ...config, target: rename(config.target) },
    ),
  );
}

/** Renames a state's key, rewriting every target that pointed into it and its layout. */
export function renameState(definition: Definition, input: { id: string; key: string }): Definition {
  const oldPath = pathOf(input.id);
  const oldKey = oldPath.at(-1);
  const parentId = parentIdOf(input.id);
  if (oldKey === undefined || oldKey === input.key || !/^[A-Za-z][A-Za-z0-9_]*$/.test(input.key)) return definition;
  if (Object.hasOwn(siblingsOf(definition, parentId), input.key)) return definition;
  const newId = stateIdOf([...oldPath.slice(0, -1), input.key]);
  const moved = (stateId: string) =>
    stateId === input.id ? newId : stateId.startsWith(`${input.id}.`) ? newId + stateId.slice(input.id.length) : stateId;
  const states = listStates(definition.machine);
  // Rewrite targets first, while the old names still resolve.
  let next = definition;
  for (const state of states) {
    const rename = (target: string) => {
      const resolved = resolveTarget({ machine: definition.machine, sourceId: state.id, target, states });
      if (resolved === null || moved(resolved) === resolved) return target;
      const newSource = moved(state.id);
      if (target.startsWith('#')) return `#${definition.machine.id}.${moved(resolved)}`;
      if (target.startsWith('.')) return moved(resolved).slice(newSource.length);
      const newParent = parentIdOf(newSource);
      const relative = newParent ? moved(resolved).slice(newParent.length + 1) : moved(resolved);
      return relative;
    };
    next = updateState(next, state.id, (config) => {
      const result: StateConfig = { ...config };
      if (config.on)
        result.on = Object.fromEntries(Object.entries(config.on).map(([event, value]) => [event, renameTargets(value, rename) ?? value]));
      if (config.after)
        result.after = Object.fromEntries(
          Object.entries(config.after).map(([delay, value]) => [delay, renameTargets(value, rename) ?? value]),
        );
      if (config.always !== undefined) result.always = renameTargets(config.always, rename) ?? config.always;
      if (config.onDone !== undefined) result.onDone = renameTargets(config.onDone, rename) ?? config.onDone;
      return result;
    });
  }
  next = updateChildren(next, parentId, (parent) => {
    const entries = Object.entries(parent.states ?? {}).map(([key, config]) => [key === oldKey ? input.key : key, config]);
    const states: StateMap = Object.fromEntries(entries);
    return parent.initial === oldKey ? { states, initial: input.key } : { states };
  });
  if (next.layout?.nodes) {
    const nodes = Object.fromEntries(Object.entries(next.layout.nodes).map(([nodeId, position]) => [moved(nodeId), position]));
    next = { ...next, layout: { ...next.layout, nodes } };
  }
  return next;
}

/** Changes a state between atomic, final, compound and parallel, keeping what still fits. */
export function setStateKind(definition: Definition, input: { id: string; kind: StateKind }): Definition {
  return updateState(definition, input.id, (config) => {
    const template = newStateConfig(input.kind);
    const result: StateConfig = { ...config };
    delete result.type;
    if (input.kind === 'final') {
      delete result.states;
      delete result.initial;
      delete result.on;
      delete result.after;
      delete result.always;
      return { ...result, type: 'final' };
    }
    if (input.kind === 'atomic') {
      delete result.states;
      delete result.initial;
      return result;
    }
    if (input.kind === 'parallel') {
      delete result.initial;
      return { ...result, type: 'parallel', states: config.states && Object.keys(config.states).length ? config.states : template.states };
    }
    return {
      ...result,
      states: config.states && Object.keys(config.states).length ? config.states : template.states,
      initial: config.initial ?? template.initial,
    };
  });
}
