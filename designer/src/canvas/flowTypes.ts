import type { Edge, Node } from '@xyflow/react';
import type { StateKind, TransitionKind } from '../definition/types';

export type FindingSeverity = 'error' | 'warning' | 'info';

export type StateNodeData = {
  stateId: string;
  label: string;
  stateKey: string;
  kind: StateKind;
  isInitial: boolean;
  taskName: string | null;
  assignee: string | null;
  sla: string | null;
  severity: FindingSeverity | null;
  active: boolean;
  diff: 'added' | 'removed' | 'changed' | null;
  [key: string]: unknown;
};

export type TransitionEdgeData = {
  transitionId: string;
  kind: TransitionKind;
  label: string;
  hasGuard: boolean;
  delay: string | null;
  isSelfLoop: boolean;
  /** Which of several edges between the same two states this is (0, 1, …), to fan them out. */
  lane: number;
  severity: FindingSeverity | null;
  taken: boolean;
  diff: 'added' | 'removed' | 'changed' | null;
  [key: string]: unknown;
};

export type StateFlowNode = Node<StateNodeData, 'state' | 'final' | 'compound' | 'parallel'>;
export type TransitionFlowEdge = Edge<TransitionEdgeData, 'transition'>;

export const NODE_SIZE = {
  atomic: { width: 184, height: 68 },
  final: { width: 150, height: 52 },
  headerHeight: 40,
  padding: 24,
} as const;
