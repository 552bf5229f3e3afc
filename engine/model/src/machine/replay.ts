import type { Actor, WorkflowDefinition } from '../generated/definition.js';
import { start, step, type WorkflowEventInput } from './step.js';
import type { WorkflowSnapshot } from './workflow-snapshot.js';

/** One row of an instance's append-only event log, as the engine stores it. */
export type InstanceLogEntry =
  | { kind: 'start'; at: number; parameters: Record<string, unknown>; data: Record<string, unknown>; actor?: Actor }
  | { kind: 'event'; at: number; event: WorkflowEventInput; parameters?: Record<string, unknown> }
  /** A timer that fired: the `event` of the schedule effect that planned it. */
  | { kind: 'timer'; at: number; event: string };

/**
 * Folds an instance's log through its definition version: the snapshot it must have stored
 * (RELIABILITY 8). Events that changed nothing when they happened change nothing here either.
 */
export function replay(definition: WorkflowDefinition, entries: readonly InstanceLogEntry[]): WorkflowSnapshot {
  const [first, ...rest] = entries;
  if (first === undefined || first.kind !== 'start') throw new Error('an instance log begins with its start');
  const startInput = first.actor === undefined ? { data: first.data } : { data: first.data, actor: first.actor };
  let snapshot = start(definition, { parameters: first.parameters, input: startInput, now: first.at }).snapshot;
  for (const entry of rest) {
    switch (entry.kind) {
      case 'start':
        throw new Error('an instance log has one start');
      case 'event': {
        const options = entry.parameters === undefined ? { now: entry.at } : { now: entry.at, parameters: entry.parameters };
        snapshot = step(definition, snapshot, entry.event, options).snapshot;
        break;
      }
      case 'timer':
        snapshot = step(definition, snapshot, { type: entry.event }, { now: entry.at }).snapshot;
        break;
    }
  }
  return snapshot;
}
