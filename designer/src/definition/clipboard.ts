import { getState, parentIdOf, pathOf, transitionList } from './stateTree';
import { addState, uniqueKey } from './stateEdits';
import { nonEmpty } from './nonEmpty';
import type { Definition, Position, StateConfig, TransitionConfig, TransitionList } from './types';

/** What copy keeps: sibling states with their configs and the layout of them and their children. */
export interface StateClipboard {
  parentId: string | null;
  states: { key: string; config: StateConfig }[];
  layout: Record<string, Position>;
}

export function copyStates(definition: Definition, ids: readonly string[]): StateClipboard | null {
  const first = ids[0];
  if (first === undefined) return null;
  const parentId = parentIdOf(first);
  const siblings = ids.filter((id) => parentIdOf(id) === parentId);
  const states = siblings.flatMap((id) => {
    const config = getState(definition.machine, id);
    const key = pathOf(id).at(-1);
    return config && key ? [{ key, config: structuredClone(config) }] : [];
  });
  const layout: Record<string, Position> = {};
  for (const [nodeId, position] of Object.entries(definition.layout?.nodes ?? {})) {
    const owner = siblings.find((id) => nodeId === id || nodeId.startsWith(`${id}.`));
    if (owner && position) layout[parentId ? nodeId.slice(parentId.length + 1) : nodeId] = { ...position };
  }
  return states.length ? { parentId, states, layout } : null;
}

function renameSiblingTargets(value: TransitionList | undefined, keyMap: Map<string, string>): TransitionList | undefined {
  const rename = (target: string) => keyMap.get(target) ?? target;
  return nonEmpty(
    transitionList(value).map((config): TransitionConfig =>
      config.target === undefined ? config : { ...config, target: rename(config.target) },
    ),
  );
}

function withRenamedTargets(config: StateConfig, keyMap: Map<string, string>): StateConfig {
  const result: StateConfig = { ...config };
  if (config.on)
    result.on = Object.fromEntries(
      Object.entries(config.on).map(([event, value]) => [event, renameSiblingTargets(value, keyMap) ?? value]),
    );
  if (config.after)
    result.after = Object.fromEntries(
      Object.entries(config.after).map(([delay, value]) => [delay, renameSiblingTargets(value, keyMap) ?? value]),
    );
  if (config.always !== undefined) result.always = renameSiblingTargets(config.always, keyMap) ?? config.always;
  if (config.onDone !== undefined) result.onDone = renameSiblingTargets(config.onDone, keyMap) ?? config.onDone;
  return result;
}

/**
 * Pastes copies beside the originals (shifted by `offset`), with fresh keys; transitions among
 * the copied states point at the copies, others keep their targets.
 */
export function pasteStates(
  definition: Definition,
  input: { clipboard: StateClipboard; offset: number },
): { definition: Definition; ids: string[] } {
  const { clipboard } = input;
  const parentId = clipboard.parentId !== null && getState(definition.machine, clipboard.parentId) ? clipboard.parentId : null;
  const parent = parentId === null ? definition.machine : getState(definition.machine, parentId);
  const taken = new Set(Object.keys(parent?.states ?? {}));
  const keyMap = new Map<string, string>();
  for (const state of clipboard.states) {
    const key = uniqueKey(taken, state.key);
    taken.add(key);
    keyMap.set(state.key, key);
  }
  let next = definition;
  const ids: string[] = [];
  for (const state of clipboard.states) {
    const key = keyMap.get(state.key) ?? state.key;
    const position = clipboard.layout[state.key] ?? { x: 0, y: 0 };
    const added = addState(next, {
      parentId,
      kind: 'atomic',
      key,
      config: withRenamedTargets(state.config, keyMap),
      position: { x: position.x + input.offset, y: position.y + input.offset },
    });
    next = added.definition;
    ids.push(added.id);
    const nodes = { ...next.layout?.nodes };
    for (const [relative, layout] of Object.entries(clipboard.layout)) {
      if (!relative.startsWith(`${state.key}.`)) continue;
      nodes[`${added.id}${relative.slice(state.key.length)}`] = { ...layout };
    }
    next = { ...next, layout: { ...next.layout, nodes } };
  }
  return { definition: next, ids };
}
