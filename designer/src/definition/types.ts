import type {
  ActionRef,
  GuardRef,
  MachineConfig,
  Position,
  StateMap,
  StateNode,
  Transition,
  TransitionList,
  WorkflowDefinition,
} from '@estateflow/model';

/**
 * Names for the parts of the model's definition the designer walks through; all of them are the
 * model's generated types (never declared again here), the rest are the designer's own addresses.
 */
export type Definition = WorkflowDefinition;
export type { ActionRef, GuardRef, MachineConfig, Position, StateMap, Transition, TransitionList };
export type StateConfig = StateNode;
export type TransitionConfig = Transition;

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';
/** The buckets a state holds transitions in, as the model's transition ids name them. */
export type TransitionKind = 'on' | 'after' | 'always' | 'onDone';

/** A state found in the machine, addressed by the dot-joined path of its keys. */
export interface StateEntry {
  id: string;
  path: string[];
  key: string;
  parentId: string | null;
  kind: StateKind;
  isInitial: boolean;
  depth: number;
  config: StateConfig;
}

/** One transition, addressed like the model does: `submitted#on.DISPATCH.0`. */
export interface TransitionEntry {
  id: string;
  sourceId: string;
  kind: TransitionKind;
  key: string;
  index: number;
  config: TransitionConfig;
  targetIds: string[];
}

export interface Point {
  x: number;
  y: number;
}
