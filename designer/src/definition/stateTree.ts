import type {
  MachineConfig,
  StateConfig,
  StateEntry,
  StateKind,
  StateMap,
  TransitionConfig,
  TransitionEntry,
  TransitionKind,
  TransitionList,
} from './types';

/** Reading the machine's state tree: states by dot path, transitions normalised to objects. */

export function stateKind(config: StateConfig): StateKind {
  if (config.type !== undefined) return config.type;
  const children = config.states ? Object.keys(config.states) : [];
  return children.length > 0 ? 'compound' : 'atomic';
}

export function stateIdOf(path: readonly string[]): string {
  return path.join('.');
}

export function pathOf(id: string): string[] {
  return id === '' ? [] : id.split('.');
}

export function parentIdOf(id: string): string | null {
  const path = pathOf(id);
  return path.length <= 1 ? null : stateIdOf(path.slice(0, -1));
}

/** Every state, parents before their children, in the order the definition lists them. */
export function listStates(machine: MachineConfig): StateEntry[] {
  const entries: StateEntry[] = [];
  const visit = (states: StateMap | undefined, parentPath: string[], parent: { type?: string; initial?: string }) => {
    if (!states) return;
    const keys = Object.keys(states);
    const initial = parent.initial ?? null;
    const parallel = parent.type === 'parallel';
    for (const key of keys) {
      const config = states[key];
      if (!config) continue;
      const path = [...parentPath, key];
      entries.push({
        id: stateIdOf(path),
        path,
        key,
        parentId: parentPath.length ? stateIdOf(parentPath) : null,
        kind: stateKind(config),
        isInitial: parallel || initial === key,
        depth: parentPath.length,
        config,
      });
      visit(config.states, path, config);
    }
  };
  visit(machine.states, [], machine);
  return entries;
}

export function getState(machine: MachineConfig, id: string): StateConfig | undefined {
  let states: StateMap | undefined = machine.states;
  let found: StateConfig | undefined;
  for (const key of pathOf(id)) {
    found = states?.[key];
    if (!found) return undefined;
    states = found.states;
  }
  return found;
}

/** The transitions of one bucket (the model always writes them as a list). */
export function transitionList(value: TransitionList | undefined): TransitionConfig[] {
  return value ? [...value] : [];
}

function targetsOf(config: TransitionConfig): string[] {
  return config.target === undefined ? [] : [config.target];
}

/**
 * Resolves an XState target as written in the source state to a state id:
 * `#machine.a.b` (absolute), `.child` (child of the source), `sibling.child`.
 */
export function resolveTarget(input: { machine: MachineConfig; sourceId: string; target: string; states?: StateEntry[] }): string | null {
  const { machine, sourceId, target } = input;
  const states = input.states ?? listStates(machine);
  const known = new Set(states.map((state) => state.id));
  if (target.startsWith('#')) {
    const reference = target.slice(1);
    const prefix = `${machine.id}.`;
    return reference.startsWith(prefix) && known.has(reference.slice(prefix.length)) ? reference.slice(prefix.length) : null;
  }
  if (target.startsWith('.')) {
    const id = `${sourceId}${target}`;
    return known.has(id) ? id : null;
  }
  const parent = parentIdOf(sourceId);
  const id = parent ? `${parent}.${target}` : target;
  return known.has(id) ? id : null;
}

/** How a transition from `sourceId` should name `targetId`: a sibling key, `.child`, or `#machine.path`. */
export function targetReference(input: { machine: MachineConfig; sourceId: string; targetId: string }): string {
  const { machine, sourceId, targetId } = input;
  const parent = parentIdOf(sourceId);
  if (parentIdOf(targetId) === parent) return pathOf(targetId).at(-1) ?? targetId;
  if (targetId.startsWith(`${sourceId}.`)) return targetId.slice(sourceId.length);
  return `#${machine.id}.${targetId}`;
}

/** The model's transition id: `state#on.EVENT.0`, `state#after.delay.0`, `state#always.0`, `state#onDone.0`. */
export function transitionId(input: { sourceId: string; kind: TransitionKind; key: string; index: number }): string {
  const bucket = input.kind === 'on' || input.kind === 'after' ? `${input.kind}.${input.key}` : input.kind;
  return `${input.sourceId}#${bucket}.${input.index}`;
}

export function parseTransitionId(id: string): { sourceId: string; kind: TransitionKind; key: string; index: number } | null {
  const hash = id.indexOf('#');
  const lastDot = id.lastIndexOf('.');
  if (hash < 1 || lastDot < hash) return null;
  const sourceId = id.slice(0, hash);
  const bucket = id.slice(hash + 1, lastDot);
  const index = Number(id.slice(lastDot + 1));
  if (!Number.isInteger(index) || index < 0) return null;
  if (bucket === 'always' || bucket === 'onDone') return { sourceId, kind: bucket, key: '', index };
  const dot = bucket.indexOf('.');
  const kind = bucket.slice(0, dot);
  const key = bucket.slice(dot + 1);
  if (dot < 0 || key === '' || (kind !== 'on' && kind !== 'after')) return null;
  return { sourceId, kind, key, index };
}

/** Every transition of every state, with its targets resolved to state ids. */
export function listTransitions(machine: MachineConfig, states: StateEntry[] = listStates(machine)): TransitionEntry[] {
  const entries: TransitionEntry[] = [];
  const add = (state: StateEntry, kind: TransitionKind, key: string, value: TransitionList | undefined) => {
    transitionList(value).forEach((config, index) => {
      const targetIds = targetsOf(config)
        .map((target) => resolveTarget({ machine, sourceId: state.id, target, states }))
        .filter((id): id is string => id !== null);
      entries.push({ id: transitionId({ sourceId: state.id, kind, key, index }), sourceId: state.id, kind, key, index, config, targetIds });
    });
  };
  for (const state of states) {
    for (const [event, value] of Object.entries(state.config.on ?? {})) add(state, 'on', event, value);
    add(state, 'always', '', state.config.always);
    for (const [delay, value] of Object.entries(state.config.after ?? {})) add(state, 'after', delay, value);
    add(state, 'onDone', '', state.config.onDone);
  }
  return entries;
}
