import { initialTransition, type AnyMachineSnapshot, type ExecutableActionObject } from 'xstate';
import type { Actor, WorkflowDefinition } from '../generated/definition.js';
import { compileMachine } from './compile-machine.js';
import type { Effect } from './effects.js';
import { planEffects } from './plan-effects.js';
import { pureTransition } from './pure-transition.js';
import { stateValueToString } from './state-value.js';
import { SYSTEM_ACTOR, toWorkflowActor, type WorkflowEvent } from './workflow-context.js';
import { checkSnapshot, restoreMachineSnapshot, toWorkflowSnapshot, type WorkflowSnapshot } from './workflow-snapshot.js';

export interface StepResult {
  snapshot: WorkflowSnapshot;
  /** stateValueToString of the new state value, e.g. "inProgress.onSite". */
  stateValue: string;
  status: 'active' | 'done';
  effects: Effect[];
  /** Ids of the transitions taken ("submitted#on.DISPATCH.0"), in order. */
  transitions: string[];
  /** False when the event was not accepted in this state (no transition taken): nothing changed. */
  changed: boolean;
}

/** An event as the engine or the simulator sends it. Timer events use the `event` of a schedule effect. */
export interface WorkflowEventInput {
  type: string;
  data?: Record<string, unknown>;
  actor?: Actor;
}

export interface StartOptions {
  /** Resolved parameters (resolveParameters). */
  parameters: Record<string, unknown>;
  /** The start form's data (already validated by the caller) and who starts the instance. */
  input: { data: Record<string, unknown>; actor?: Actor };
  /** The injected clock, ms since the epoch. */
  now: number;
}

/** Starts an instance: the initial snapshot and the effects of entering the initial states. */
export function start(definition: WorkflowDefinition, options: StartOptions): StepResult {
  const compiled = compileMachine(definition);
  const [next, actions] = initialTransition(compiled.machine, {
    data: options.input.data,
    params: options.parameters,
    requester: toWorkflowActor(options.input.actor),
    now: options.now,
  });
  return result({ compiled, next, actions, now: options.now, changed: true });
}

export interface StepOptions {
  now: number;
  /** When given, replaces the parameters the instance started with (the event log must then record them). */
  parameters?: Record<string, unknown>;
}

/**
 * Applies one event to a stored snapshot with XState's pure transition (pureTransition). Throws
 * IncompatibleSnapshotError for a snapshot of another definition or version.
 */
export function step(definition: WorkflowDefinition, snapshot: unknown, event: WorkflowEventInput, options: StepOptions): StepResult {
  const compiled = compileMachine(definition);
  const checked = checkSnapshot(compiled, snapshot);
  if (checked.status === 'done') {
    return {
      snapshot: checked,
      stateValue: stateValueToString(checked.value),
      status: 'done',
      effects: [],
      transitions: [],
      changed: false,
    };
  }
  const restored = restoreMachineSnapshot(
    compiled,
    options.parameters === undefined ? checked : { ...checked, context: { ...checked.context, params: options.parameters } },
  );
  const workflowEvent: WorkflowEvent = {
    type: event.type,
    data: event.data ?? {},
    actor: toWorkflowActor(event.actor) ?? SYSTEM_ACTOR,
    now: options.now,
  };
  const [next, actions] = pureTransition(compiled.machine, restored, workflowEvent);
  return result({ compiled, next, actions, now: options.now, changed: next !== restored });
}

function result(options: {
  compiled: ReturnType<typeof compileMachine>;
  next: AnyMachineSnapshot;
  actions: readonly ExecutableActionObject[];
  now: number;
  changed: boolean;
}): StepResult {
  const snapshot = toWorkflowSnapshot(options.compiled, options.next);
  const planned = planEffects({ actions: options.actions, now: options.now });
  return {
    snapshot,
    stateValue: stateValueToString(snapshot.value),
    status: snapshot.status,
    effects: planned.effects,
    transitions: planned.transitions,
    // A targetless transition that only plans effects leaves XState's snapshot as it was, yet it was taken.
    changed: options.changed || planned.transitions.length > 0,
  };
}
