import type { StateNode, Transition, TransitionList, WorkflowDefinition } from '../generated/definition.js';
import { ownEntries, ownValue } from '../util/records.js';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

/** One state of a definition, addressed by its path from the machine root: "inProgress.work". */
export interface StateInfo {
  path: string;
  name: string;
  parentPath: string | undefined;
  kind: StateKind;
  node: StateNode;
  depth: number;
  /** True when entering the parent enters this state (its initial child, or any region of a parallel). */
  initial: boolean;
}

export type TransitionTrigger =
  { kind: 'event'; event: string } | { kind: 'always' } | { kind: 'after'; delay: string } | { kind: 'onDone' };

/** One candidate transition, with a stable id such as "submitted#on.DISPATCH.0". */
export interface TransitionInfo {
  id: string;
  sourcePath: string;
  trigger: TransitionTrigger;
  index: number;
  transition: Transition;
  /** Resolved target path; undefined for a targetless transition; null when the target does not exist. */
  targetPath: string | undefined | null;
}

export function stateKind(node: StateNode): StateKind {
  if (node.type !== undefined) return node.type;
  return node.states !== undefined && Object.keys(node.states).length > 0 ? 'compound' : 'atomic';
}

/** Every state in document order (parents before children). */
export function listStates(definition: WorkflowDefinition): StateInfo[] {
  const states: StateInfo[] = [];
  const visit = (options: {
    parentPath: string | undefined;
    parentNode: StateNode | undefined;
    children: StateNode['states'];
    depth: number;
    rootInitial?: string;
  }) => {
    for (const [name, node] of ownEntries(options.children)) {
      const path = options.parentPath === undefined ? name : `${options.parentPath}.${name}`;
      const parentKind = options.parentNode === undefined ? 'compound' : stateKind(options.parentNode);
      const initialName = options.parentNode === undefined ? options.rootInitial : options.parentNode.initial;
      const initial = parentKind === 'parallel' || initialName === name;
      states.push({ path, name, parentPath: options.parentPath, kind: stateKind(node), node, depth: options.depth, initial });
      visit({ parentPath: path, parentNode: node, children: node.states, depth: options.depth + 1 });
    }
  };
  visit({
    parentPath: undefined,
    parentNode: undefined,
    children: definition.machine.states,
    depth: 0,
    rootInitial: definition.machine.initial,
  });
  return states;
}

export function findState(definition: WorkflowDefinition, path: string): StateNode | undefined {
  let children = definition.machine.states;
  let node: StateNode | undefined;
  for (const segment of path.split('.')) {
    node = ownValue(children, segment);
    if (node === undefined) return undefined;
    children = node.states ?? {};
  }
  return node;
}

/**
 * Resolves a transition target the way XState does: "#machineId.a.b" is absolute, ".child" is
 * below the source, anything else is a sibling of the source (optionally with a dotted descendant).
 */
export function resolveTarget(options: { definition: WorkflowDefinition; sourcePath: string; target: string }): string | null {
  const { definition, sourcePath, target } = options;
  let path: string;
  if (target.startsWith('#')) {
    const rest = target.slice(1);
    const prefix = `${definition.machine.id}.`;
    if (!rest.startsWith(prefix)) return null;
    path = rest.slice(prefix.length);
  } else if (target.startsWith('.')) {
    path = `${sourcePath}${target}`;
  } else {
    const parent = parentPathOf(sourcePath);
    path = parent === undefined ? target : `${parent}.${target}`;
  }
  return findState(definition, path) === undefined ? null : path;
}

export function parentPathOf(path: string): string | undefined {
  const cut = path.lastIndexOf('.');
  return cut < 0 ? undefined : path.slice(0, cut);
}

/** Every transition of every state, in document order: on, always, after, onDone. */
export function listTransitions(definition: WorkflowDefinition): TransitionInfo[] {
  const transitions: TransitionInfo[] = [];
  for (const state of listStates(definition)) {
    const add = (trigger: TransitionTrigger, key: string, list: TransitionList | undefined) => {
      (list ?? []).forEach((transition, index) => {
        const targetPath =
          transition.target === undefined ? undefined : resolveTarget({ definition, sourcePath: state.path, target: transition.target });
        transitions.push({ id: `${state.path}#${key}.${index}`, sourcePath: state.path, trigger, index, transition, targetPath });
      });
    };
    for (const [event, list] of ownEntries(state.node.on)) add({ kind: 'event', event }, `on.${event}`, list);
    add({ kind: 'always' }, 'always', state.node.always);
    for (const [delay, list] of ownEntries(state.node.after)) add({ kind: 'after', delay }, `after.${delay}`, list);
    add({ kind: 'onDone' }, 'onDone', state.node.onDone);
  }
  return transitions;
}
