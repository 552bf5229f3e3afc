import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import { listStates, listTransitions } from '../definition/stateTree';
import type { Definition, Point } from '../definition/types';
import { NODE_SIZE } from './flowTypes';

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '50',
  'elk.padding': `[top=${NODE_SIZE.headerHeight + NODE_SIZE.padding},left=${NODE_SIZE.padding},bottom=${NODE_SIZE.padding},right=${NODE_SIZE.padding}]`,
};

/** Positions for every state (relative to its parent, as the layout stores them) from ELK's layered layout. */
export async function computeAutoLayout(definition: Definition): Promise<Map<string, Point>> {
  const states = listStates(definition.machine);
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: LAYOUT_OPTIONS, children: [], edges: [] };
  for (const state of states) {
    const size = state.kind === 'final' ? NODE_SIZE.final : NODE_SIZE.atomic;
    const container = state.kind === 'compound' || state.kind === 'parallel';
    const node: ElkNode = container
      ? { id: state.id, children: [], layoutOptions: LAYOUT_OPTIONS }
      : { id: state.id, width: size.width, height: size.height };
    elkNodes.set(state.id, node);
    const parent = state.parentId ? elkNodes.get(state.parentId) : root;
    parent?.children?.push(node);
  }
  root.edges = listTransitions(definition.machine, states).flatMap((transition) =>
    transition.targetIds
      .filter((target) => target !== transition.sourceId)
      .map((target) => ({ id: transition.id, sources: [transition.sourceId], targets: [target] })),
  );
  // ELK is large: it loads the first time someone asks for a layout.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const laidOut = await new ELK().layout(root);
  const positions = new Map<string, Point>();
  const collect = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
      collect(child);
    }
  };
  collect(laidOut);
  return positions;
}
