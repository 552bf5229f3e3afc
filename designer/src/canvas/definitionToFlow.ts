import { definitionToGraph, findState, listTransitions, type GraphNode, type TransitionInfo } from '@estateflow/model';
import { pickText, type Locale } from '../i18n/translate';
import type { Definition, TransitionKind } from '../definition/types';
import { NODE_SIZE, type FindingSeverity, type StateFlowNode, type TransitionFlowEdge } from './flowTypes';
import { describeAssignee, describeDuration } from './describe';

export interface FlowOverlay {
  locale: Locale;
  selectedStates?: readonly string[];
  selectedTransitions?: readonly string[];
  activeStates?: readonly string[];
  takenTransitions?: readonly string[];
  severityByElement?: ReadonlyMap<string, FindingSeverity>;
  diffByElement?: ReadonlyMap<string, 'added' | 'removed' | 'changed'>;
}

export interface Flow {
  nodes: StateFlowNode[];
  edges: TransitionFlowEdge[];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const COLUMNS = 4;

/** Where a state without a saved position goes: a grid, children below their container's header. */
function defaultPosition(indexAmongSiblings: number, hasParent: boolean): { x: number; y: number } {
  const column = indexAmongSiblings % COLUMNS;
  const row = Math.floor(indexAmongSiblings / COLUMNS);
  const top = hasParent ? NODE_SIZE.headerHeight + NODE_SIZE.padding : 0;
  const left = hasParent ? NODE_SIZE.padding : 0;
  return { x: left + column * 240, y: top + row * 150 };
}

/**
 * Every state's box: the model's graph position when the layout has one (else the designer's grid,
 * which leaves room for a container's header), sizes grown around children for containers.
 */
function computeBoxes(definition: Definition, nodes: readonly GraphNode[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const saved = definition.layout?.nodes ?? {};
  const siblingIndex = new Map<string | undefined, number>();
  const depth = new Map<string, number>();
  for (const node of nodes) {
    const index = siblingIndex.get(node.parentId) ?? 0;
    siblingIndex.set(node.parentId, index + 1);
    depth.set(node.id, node.parentId === undefined ? 0 : (depth.get(node.parentId) ?? 0) + 1);
    const position = Object.hasOwn(saved, node.id) ? node.position : defaultPosition(index, node.parentId !== undefined);
    const size = node.kind === 'final' ? NODE_SIZE.final : NODE_SIZE.atomic;
    boxes.set(node.id, { x: position.x, y: position.y, width: size.width, height: size.height });
  }
  // Deepest first, so a container's size already includes its grown children.
  const containers = nodes
    .filter((node) => node.kind === 'compound' || node.kind === 'parallel')
    .sort((a, b) => (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0));
  const childrenOf = new Map<string, GraphNode[]>();
  for (const node of nodes)
    if (node.parentId !== undefined) childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node]);
  for (const container of containers) {
    const box = boxes.get(container.id);
    if (!box) continue;
    let width = 260;
    let height = NODE_SIZE.headerHeight + 80;
    for (const child of childrenOf.get(container.id) ?? []) {
      const childBox = boxes.get(child.id);
      if (!childBox) continue;
      width = Math.max(width, childBox.x + childBox.width + NODE_SIZE.padding);
      height = Math.max(height, childBox.y + childBox.height + NODE_SIZE.padding);
    }
    const savedBox = Object.hasOwn(saved, container.id) ? saved[container.id] : undefined;
    boxes.set(container.id, { ...box, width: Math.max(width, savedBox?.width ?? 0), height: Math.max(height, savedBox?.height ?? 0) });
  }
  return boxes;
}

function nodeType(kind: GraphNode['kind']): StateFlowNode['type'] {
  switch (kind) {
    case 'atomic':
      return 'state';
    case 'final':
      return 'final';
    case 'compound':
      return 'compound';
    case 'parallel':
      return 'parallel';
  }
}

function transitionKind(info: TransitionInfo): TransitionKind {
  switch (info.trigger.kind) {
    case 'event':
      return 'on';
    case 'after':
      return 'after';
    case 'always':
      return 'always';
    case 'onDone':
      return 'onDone';
  }
}

/**
 * The definition as React Flow sees it, before selection, lint and simulation marks: the model's
 * `definitionToGraph` (ids, parents, kinds, initial flags, saved positions, edge ends) with what
 * the canvas adds — sizes, labels in the chosen language, task, assignee and SLA badges, lanes.
 */
function baseFlow(definition: Definition, locale: Locale): Flow {
  const graph = definitionToGraph(definition);
  const boxes = computeBoxes(definition, graph.nodes);
  const nodes = graph.nodes.map((graphNode): StateFlowNode => {
    const box = boxes.get(graphNode.id) ?? { x: 0, y: 0, ...NODE_SIZE.atomic };
    const state = findState(definition, graphNode.id);
    const stateKey = graphNode.id.slice(graphNode.id.lastIndexOf('.') + 1);
    const task = state?.meta?.task;
    const container = graphNode.kind === 'compound' || graphNode.kind === 'parallel';
    const sla = task?.sla?.complete ?? task?.sla?.respond;
    const node: StateFlowNode = {
      id: graphNode.id,
      type: nodeType(graphNode.kind),
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      selected: false,
      data: {
        stateId: graphNode.id,
        stateKey,
        label: pickText(state?.meta?.label, locale) || stateKey,
        kind: graphNode.kind,
        isInitial: graphNode.initial,
        taskName: task ? pickText(task.name, locale) || stateKey : null,
        assignee: task?.assignee ? describeAssignee(task.assignee) : null,
        sla: sla ? describeDuration(sla) : null,
        severity: null,
        active: false,
        diff: null,
      },
    };
    if (graphNode.parentId !== undefined) node.parentId = graphNode.parentId;
    if (container) node.style = { width: box.width, height: box.height };
    return node;
  });
  // The graph draws a targetless or unresolved transition as a self-loop; the canvas draws only
  // transitions with a target that exists (the inspector and lint show the others).
  const transitions = new Map(listTransitions(definition).map((info) => [info.id, info]));
  const lanes = new Map<string, number>();
  const edges: TransitionFlowEdge[] = [];
  for (const graphEdge of graph.edges) {
    const info = transitions.get(graphEdge.id);
    if (!info || typeof info.targetPath !== 'string') continue;
    const pair = [graphEdge.source, graphEdge.target].sort().join('→');
    const lane = lanes.get(pair) ?? 0;
    lanes.set(pair, lane + 1);
    const kind = transitionKind(info);
    const eventLabel = pickText(info.transition.meta?.label, locale);
    edges.push({
      id: graphEdge.id,
      type: 'transition',
      source: graphEdge.source,
      target: graphEdge.target,
      selected: false,
      zIndex: 1000,
      data: {
        transitionId: graphEdge.id,
        kind,
        label: info.trigger.kind === 'event' ? eventLabel || info.trigger.event : eventLabel,
        hasGuard: graphEdge.guard !== undefined,
        delay: graphEdge.after ?? null,
        isSelfLoop: graphEdge.selfLoop,
        lane,
        severity: null,
        taken: false,
        diff: null,
      },
    });
  }
  return { nodes, edges };
}

// Converting a 300-state chart costs tens of milliseconds: once per definition and language.
// Selection, lint, simulation and diff marks are applied on top (applyOverlay) without redoing it.
const baseCache = new WeakMap<Definition, Map<Locale, Flow>>();

export function definitionToBaseFlow(definition: Definition, locale: Locale): Flow {
  let byLocale = baseCache.get(definition);
  if (!byLocale) {
    byLocale = new Map();
    baseCache.set(definition, byLocale);
  }
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const flow = baseFlow(definition, locale);
  byLocale.set(locale, flow);
  return flow;
}

/** The marks on top of the base flow; elements without marks keep their (cached) objects. */
export function applyOverlay(base: Flow, overlay: FlowOverlay): Flow {
  const selectedStates = new Set(overlay.selectedStates);
  const selectedTransitions = new Set(overlay.selectedTransitions);
  const active = new Set(overlay.activeStates);
  const taken = new Set(overlay.takenTransitions);
  const nodes = base.nodes.map((node) => {
    const selected = selectedStates.has(node.id);
    const severity = overlay.severityByElement?.get(node.id) ?? null;
    const isActive = active.has(node.id);
    const diff = overlay.diffByElement?.get(node.id) ?? null;
    if (!selected && severity === null && !isActive && diff === null) return node;
    return { ...node, selected, data: { ...node.data, severity, active: isActive, diff } };
  });
  const edges = base.edges.map((edge) => {
    const selected = selectedTransitions.has(edge.id);
    const severity = overlay.severityByElement?.get(edge.id) ?? null;
    const isTaken = taken.has(edge.id);
    const diff = overlay.diffByElement?.get(edge.id) ?? null;
    if (!selected && severity === null && !isTaken && diff === null) return edge;
    const data = edge.data;
    return data ? { ...edge, selected, data: { ...data, severity, taken: isTaken, diff } } : { ...edge, selected };
  });
  return { nodes, edges };
}

/** The definition as React Flow sees it: states → nodes (parents first), transitions → edges. */
export function definitionToFlow(definition: Definition, overlay: FlowOverlay): Flow {
  return applyOverlay(definitionToBaseFlow(definition, overlay.locale), overlay);
}
