import { Background, MarkerType, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { definitionToFlow } from '../canvas/definitionToFlow';
import { edgeTypes } from '../canvas/TransitionEdge';
import { nodeTypes } from '../canvas/StateNodes';
import type { Definition } from '../definition/types';
import { useI18n } from '../i18n/I18nContext';
import type { ChangeKind } from './versionChanges';

/** A definition drawn read-only: a version in the diff (changes coloured) or the simulator's view (active states). */
export function ReadOnlyCanvas(props: {
  definition: Definition;
  changes?: ReadonlyMap<string, ChangeKind>;
  activeStates?: readonly string[];
  takenTransitions?: readonly string[];
}) {
  const { locale } = useI18n();
  const flow = useMemo(
    () =>
      definitionToFlow(props.definition, {
        locale,
        diffByElement: props.changes ?? new Map(),
        activeStates: props.activeStates ?? [],
        takenTransitions: props.takenTransitions ?? [],
      }),
    [props.definition, props.changes, props.activeStates, props.takenTransitions, locale],
  );
  return (
    <ReactFlowProvider>
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={{ markerEnd: { type: MarkerType.ArrowClosed } }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
      </ReactFlow>
    </ReactFlowProvider>
  );
}
