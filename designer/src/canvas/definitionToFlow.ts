import { pickText, type Locale } from '../i18n/translate';
import { listStates, listTransitions } from '../definition/stateTree';
import type { Definition, StateEntry } from '../definition/types';
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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const COLUMNS = 4;

function defaultPosition(indexAmongSiblings: number, hasParent: boolean): { x: number; y: number } {
  const column = indexAmongSiblings % COLUMNS;
  const row = Math.floor(indexAmongSiblings / COLUMNS);
  const top = hasParent ? NODE_SIZE.headerHeight + NODE_SIZE.padding : 0;
  const left = hasParent ? NODE_SIZE.padding : 0;
  return { x: left + column * 240, y: top + row * 150 };
}

/** Lays out every state's box: given positions from `layout`, sizes from children for containers. */
function computeBoxes(definition: Definition, states: StateEntry[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const saved = definition.layout?.nodes ?? {};
  const siblingIndex = new Map<string | null, number>();
  for (const state of states) {
    const index = siblingIndex.get(state.parentId) ?? 0;
    siblingIndex.set(state.parentId, index + 1);
    const position = saved[state.id] ?? defaultPosition(index, state.parentId !== null);
    const size = state.kind === 'final' ? NODE_SIZE.final : NODE_SIZE.atomic;
    boxes.set(state.id, { x: position.x, y: position.y, width: size.width, height: size.height });
  }
  // Deepest first, so a container's size already includes its grown children.
  const containers = states.filter((state) => state.kind === 'compound' || state.kind === 'parallel').sort((a, b) => b.depth - a.depth);
  for (const container of containers) {
    const box = boxes.get(container.id);
    if (!box) continue;
    let width = 260;
    let height = NODE_SIZE.headerHeight + 80;
    for (const child of states) {
      if (child.parentId !== container.id) continue;
      const childBox = boxes.get(child.id);
      if (!childBox) continue;
      width = Math.max(width, childBox.x + childBox.width + NODE_SIZE.padding);
      height = Math.max(height, childBox.y + childBox.height + NODE_SIZE.padding);
    }
    const saved = definition.layout?.nodes?.[container.id];
    boxes.set(container.id, { ...box, width: Math.max(width, saved?.width ?? 0), height: Math.max(height, saved?.height ?? 0) });
  }
  return boxes;
}

function nodeType(state: StateEntry): StateFlowNode['type'] {
  switch (state.kind) {
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

/** The definition as React Flow sees it: states → nodes (parents first), transitions → edges. */
export function definitionToFlow(definition: Definition, overlay: FlowOverlay): { nodes: StateFlowNode[]; edges: TransitionFlowEdge[] } {
  const states = listStates(definition.machine);
  const boxes = computeBoxes(definition, states);
  const selectedStates = new Set(overlay.selectedStates);
  const selectedTransitions = new Set(overlay.selectedTransitions);
  const active = new Set(overlay.activeStates);
  const taken = new Set(overlay.takenTransitions);
  const nodes = states.map((state): StateFlowNode => {
    const box = boxes.get(state.id) ?? { x: 0, y: 0, ...NODE_SIZE.atomic };
    const task = state.config.meta?.task;
    const container = state.kind === 'compound' || state.kind === 'parallel';
    const sla = task?.sla?.complete ?? task?.sla?.respond;
    const node: StateFlowNode = {
      id: state.id,
      type: nodeType(state),
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      selected: selectedStates.has(state.id),
      data: {
        stateId: state.id,
        stateKey: state.key,
        label: pickText(state.config.meta?.label, overlay.locale) || state.key,
        kind: state.kind,
        isInitial: state.isInitial,
        taskName: task ? pickText(task.name, overlay.locale) || state.key : null,
        assignee: task?.assignee ? describeAssignee(task.assignee) : null,
        sla: sla ? describeDuration(sla) : null,
        severity: overlay.severityByElement?.get(state.id) ?? null,
        active: active.has(state.id),
        diff: overlay.diffByElement?.get(state.id) ?? null,
      },
    };
    if (state.parentId) node.parentId = state.parentId;
    if (container) node.style = { width: box.width, height: box.height };
    return node;
  });
  const transitions = listTransitions(definition.machine, states);
  const lanes = new Map<string, number>();
  const edges: TransitionFlowEdge[] = [];
  for (const transition of transitions) {
    transition.targetIds.forEach((targetId, targetIndex) => {
      const pair = [transition.sourceId, targetId].sort().join('→');
      const lane = lanes.get(pair) ?? 0;
      lanes.set(pair, lane + 1);
      const eventLabel = pickText(transition.config.meta?.label, overlay.locale);
      edges.push({
        id: targetIndex === 0 ? transition.id : `${transition.id}#${targetIndex}`,
        type: 'transition',
        source: transition.sourceId,
        target: targetId,
        selected: selectedTransitions.has(transition.id),
        zIndex: 1000,
        data: {
          transitionId: transition.id,
          kind: transition.kind,
          label: transition.kind === 'on' ? eventLabel || transition.key : eventLabel,
          hasGuard: transition.config.guard !== undefined,
          delay: transition.kind === 'after' ? transition.key : null,
          isSelfLoop: transition.sourceId === targetId,
          lane,
          severity: overlay.severityByElement?.get(transition.id) ?? null,
          taken: taken.has(transition.id),
          diff: overlay.diffByElement?.get(transition.id) ?? null,
        },
      });
    });
  }
  return { nodes, edges };
}
