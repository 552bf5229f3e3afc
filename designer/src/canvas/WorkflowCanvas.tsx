import {
  Background,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type EdgeChange,
  type NodeChange,
  type OnReconnect,
} from '@xyflow/react';
import { Empty } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connectCommand, editDefinition, moveNodesCommand, select } from '../commands/editCommands';
import { retargetTransition } from '../definition/transitionEdits';
import type { Point } from '../definition/types';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { useLint } from '../lint/LintContext';
import { definitionToFlow } from './definitionToFlow';
import type { StateFlowNode, TransitionFlowEdge } from './flowTypes';
import { computeAutoLayout } from './elkLayout';
import { reuseUnchanged } from './reuseUnchanged';
import { edgeTypes } from './TransitionEdge';
import { nodeTypes } from './StateNodes';

function sameSize(a: { width: number; height: number }, b: { width: number; height: number }): boolean {
  return a.width === b.width && a.height === b.height;
}

const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };

/** The statechart on React Flow: drawn from the definition, every edit sent back as a command. */
export function WorkflowCanvas() {
  const { t, locale } = useI18n();
  const { state, perform, viewRef, overlay } = useEditor();
  const { severityByElement } = useLint();
  const flow = useReactFlow<StateFlowNode, TransitionFlowEdge>();
  const [dragging, setDragging] = useState<Map<string, Point>>(new Map());
  const { definition, selection } = state;

  const fresh = useMemo(
    () =>
      definitionToFlow(definition, {
        locale,
        selectedStates: selection.states,
        selectedTransitions: selection.transitions,
        activeStates: overlay?.activeStates ?? [],
        takenTransitions: overlay?.takenTransitions ?? [],
        severityByElement,
      }),
    [definition, selection, locale, overlay, severityByElement],
  );
  // Unchanged nodes and edges keep their objects (derived during render from the last ones).
  const [stable, setStable] = useState({ fresh, nodes: fresh.nodes, edges: fresh.edges });
  let derived = stable;
  if (stable.fresh !== fresh) {
    derived = { fresh, nodes: reuseUnchanged(stable.nodes, fresh.nodes), edges: reuseUnchanged(stable.edges, fresh.edges) };
    setStable(derived);
  }
  const nodes = useMemo(
    () =>
      dragging.size === 0 ? derived.nodes : derived.nodes.map((node) => ({ ...node, position: dragging.get(node.id) ?? node.position })),
    [derived.nodes, dragging],
  );

  useEffect(() => {
    viewRef.current = {
      fitView: () => void flow.fitView({ padding: 0.15, duration: 200 }),
      showStart: () => void flow.fitView({ padding: 0.15 }),
      autoLayout: () =>
        void computeAutoLayout(definition).then((positions) => {
          perform(moveNodesCommand(positions));
          requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 200 }));
        }),
    };
  }, [viewRef, flow, definition, perform]);

  // A state selected off-screen (just added below the others, or picked from the lint list)
  // is brought into view at the current zoom.
  const paneSize = useStore((store) => ({ width: store.width, height: store.height }), sameSize);
  const selectedOnly = selection.states.length === 1 ? selection.states[0] : undefined;
  useEffect(() => {
    if (selectedOnly === undefined || paneSize.width === 0) return;
    // React Flow's store already holds this render's nodes (its effects run before ours).
    const internal = flow.getInternalNode(selectedOnly);
    if (!internal) return;
    const center = {
      x: internal.internals.positionAbsolute.x + (internal.width ?? 0) / 2,
      y: internal.internals.positionAbsolute.y + (internal.height ?? 0) / 2,
    };
    const { x, y, zoom } = flow.getViewport();
    const screen = { x: center.x * zoom + x, y: center.y * zoom + y };
    const margin = 40;
    const visible = screen.x > margin && screen.y > margin && screen.x < paneSize.width - margin && screen.y < paneSize.height - margin;
    if (!visible) void flow.setCenter(center.x, center.y, { zoom, duration: 200 });
    // Only a change of the selected state moves the view, not every edit while it stays selected.
  }, [selectedOnly, paneSize.width, paneSize.height, flow]);

  // A definition without positions (imported, written by hand, a built-in) is laid out once on
  // open. Opening is not editing: the layout is shown, not saved as a draft change (the next
  // real edit saves it along).
  const unplaced = Object.keys(definition.layout?.nodes ?? {}).length === 0 && derived.nodes.length > 1;
  const openingDefinition = useRef(definition);
  useEffect(() => {
    openingDefinition.current = definition;
  });
  useEffect(() => {
    if (!unplaced) return;
    void computeAutoLayout(openingDefinition.current).then((positions) => {
      perform({ ...moveNodesCommand(positions), undoable: false, countsAsChange: false });
      requestAnimationFrame(() => void flow.fitView({ padding: 0.15 }));
    });
  }, [unplaced, perform, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StateFlowNode>[]) => {
      const moving = new Map(dragging);
      const finished = new Map<string, Point>();
      const selected = new Set(selection.states);
      let selectionChanged = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else finished.set(change.id, change.position);
        } else if (change.type === 'position' && !change.dragging && moving.has(change.id)) {
          const last = moving.get(change.id);
          if (last) finished.set(change.id, last);
        } else if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      for (const id of finished.keys()) moving.delete(id);
      if (finished.size > 0) perform(moveNodesCommand(finished));
      if (finished.size > 0 || changes.some((change) => change.type === 'position')) setDragging(moving);
      if (selectionChanged) perform(select({ states: [...selected], transitions: selection.transitions }));
    },
    [dragging, selection, perform],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TransitionFlowEdge>[]) => {
      const selected = new Set(selection.transitions);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        changed = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (changed) perform(select({ states: selection.states, transitions: [...selected] }));
    },
    [selection, perform],
  );

  const onReconnect = useCallback<OnReconnect<TransitionFlowEdge>>(
    (edge, connection) => {
      const transitionId = edge.data?.transitionId;
      if (!transitionId || !connection.target || connection.target === edge.target) return;
      perform(
        editDefinition({
          id: 'reconnect',
          edit: (current) => retargetTransition(current, { id: transitionId, targetId: connection.target }),
        }),
      );
    },
    [perform],
  );

  return (
    <div className="canvas" aria-label={t('editor.tab.canvas')}>
      <ReactFlow<StateFlowNode, TransitionFlowEdge>
        nodes={nodes}
        edges={derived.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(connection) => perform(connectCommand({ sourceId: connection.source, targetId: connection.target }))}
        onReconnect={onReconnect}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        onlyRenderVisibleElements
        minZoom={0.1}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
      {nodes.length === 0 && <Empty className="canvas-empty" description={t('canvas.empty')} />}
    </div>
  );
}
