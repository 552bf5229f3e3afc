import type { WorkflowDefinition } from '../generated/definition.js';
import { ownValue } from '../util/records.js';
import { listStates, listTransitions, type StateKind } from '../machine/state-tree.js';

export interface GraphNode {
  /** The state path, e.g. "inProgress.working". */
  id: string;
  parentId?: string;
  kind: StateKind;
  /** The zh-CN label, or the state name. */
  label: string;
  /** Entered when its parent is entered (the initial child, or a region of a parallel state). */
  initial: boolean;
  /** From the definition's layout; a simple grid when absent (children relative to the parent). */
  position: { x: number; y: number };
  hasTask: boolean;
}

export interface GraphEdge {
  /** The transition id, e.g. "submitted#on.DISPATCH.0". */
  id: string;
  source: string;
  /** The target state path; the source itself for a targetless (internal) transition. */
  target: string;
  event: string;
  label: string;
  guard?: string;
  after?: string;
  always: boolean;
  selfLoop: boolean;
}

export interface WorkflowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const GRID = { width: 260, height: 160, columns: 4 };

/** The definition as a graph for the designer's canvas (which converts it to React Flow). */
export function definitionToGraph(definition: WorkflowDefinition): WorkflowGraph {
  const siblingsSeen = new Map<string, number>();
  const nodes = listStates(definition).map((state): GraphNode => {
    const parentKey = state.parentPath ?? '';
    const index = siblingsSeen.get(parentKey) ?? 0;
    siblingsSeen.set(parentKey, index + 1);
    const laidOut = ownValue(definition.layout?.nodes, state.path);
    const position =
      laidOut === undefined
        ? { x: (index % GRID.columns) * GRID.width, y: Math.floor(index / GRID.columns) * GRID.height }
        : { x: laidOut.x, y: laidOut.y };
    const node: GraphNode = {
      id: state.path,
      kind: state.kind,
      label: state.node.meta?.label?.['zh-CN'] ?? state.name,
      initial: state.initial,
      position,
      hasTask: state.node.meta?.task !== undefined,
    };
    if (state.parentPath !== undefined) node.parentId = state.parentPath;
    return node;
  });
  const edges = listTransitions(definition).map((info): GraphEdge => {
    const target = info.targetPath ?? info.sourcePath;
    const trigger = info.trigger;
    const event = trigger.kind === 'event' ? trigger.event : trigger.kind === 'after' ? `after ${trigger.delay}` : trigger.kind;
    const edge: GraphEdge = {
      id: info.id,
      source: info.sourcePath,
      target,
      event,
      label: info.transition.meta?.label?.['zh-CN'] ?? event,
      always: trigger.kind === 'always',
      selfLoop: target === info.sourcePath,
    };
    const guard = info.transition.guard;
    if (guard !== undefined) {
      const params = guard.params ?? {};
      edge.guard = guard.type === 'expr' && typeof params['expr'] === 'string' ? params['expr'] : guard.type;
    }
    if (trigger.kind === 'after') edge.after = trigger.delay;
    return edge;
  });
  return { nodes, edges };
}
