import type { AnyMachineSnapshot } from 'xstate';
import { isRecord } from '../util/records.js';
import type { CompiledWorkflow } from './compile-machine.js';
import { findState } from './state-tree.js';
import { activeLeafPaths, isStateValue, type StateValueJson } from './state-value.js';
import type { WorkflowActor, WorkflowContext } from './workflow-context.js';

export const SNAPSHOT_FORMAT = 'estateflow.snapshot/1';

/**
 * What the engine stores for an instance: plain JSON. `definitionKey` and `fingerprint` tie it
 * to the definition (version) that made it, so that an incompatible snapshot is refused rather
 * than silently restored (RELIABILITY 7).
 */
export interface WorkflowSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  definitionKey: string;
  fingerprint: string;
  status: 'active' | 'done';
  value: StateValueJson;
  context: WorkflowContext;
}

export type IncompatibleSnapshotReason = 'malformed' | 'format' | 'definitionKey' | 'fingerprint' | 'unknownState';

export class IncompatibleSnapshotError extends Error {
  override readonly name = 'IncompatibleSnapshotError';
  readonly reason: IncompatibleSnapshotReason;

  constructor(reason: IncompatibleSnapshotReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

export function toWorkflowSnapshot(compiled: CompiledWorkflow, snapshot: AnyMachineSnapshot): WorkflowSnapshot {
  const value: unknown = snapshot.value;
  const context: unknown = snapshot.context;
  if (!isStateValue(value) || !isWorkflowContext(context))
    throw new IncompatibleSnapshotError('malformed', 'machine produced a snapshot that is not JSON');
  return {
    format: SNAPSHOT_FORMAT,
    definitionKey: compiled.definition.key,
    fingerprint: compiled.fingerprint,
    status: snapshot.status === 'done' ? 'done' : 'active',
    value: structuredClone(value),
    context: structuredClone(context),
  };
}

/** Checks a stored snapshot (untrusted JSON) against the definition. Throws IncompatibleSnapshotError. */
export function checkSnapshot(compiled: CompiledWorkflow, input: unknown): WorkflowSnapshot {
  if (!isRecord(input)) throw new IncompatibleSnapshotError('malformed', 'snapshot is not an object');
  if (input['format'] !== SNAPSHOT_FORMAT) throw new IncompatibleSnapshotError('format', `snapshot format is not ${SNAPSHOT_FORMAT}`);
  if (input['definitionKey'] !== compiled.definition.key)
    throw new IncompatibleSnapshotError(
      'definitionKey',
      `snapshot belongs to "${String(input['definitionKey'])}", not "${compiled.definition.key}"`,
    );
  if (input['fingerprint'] !== compiled.fingerprint)
    throw new IncompatibleSnapshotError('fingerprint', 'snapshot was made by a different version of this workflow');
  const { value, context, status } = input;
  if (!isStateValue(value) || !isWorkflowContext(context) || (status !== 'active' && status !== 'done')) {
    throw new IncompatibleSnapshotError('malformed', 'snapshot value, context or status is malformed');
  }
  for (const leaf of activeLeafPaths(value)) {
    if (findState(compiled.definition, leaf) === undefined)
      throw new IncompatibleSnapshotError('unknownState', `state "${leaf}" does not exist`);
  }
  return { format: SNAPSHOT_FORMAT, definitionKey: compiled.definition.key, fingerprint: compiled.fingerprint, status, value, context };
}

/**
 * The XState snapshot for a checked workflow snapshot (delayed events live in the engine's timers).
 * It shares the stored context, uncopied: XState never changes a context (assign makes a new one),
 * setData builds new data, and toWorkflowSnapshot copies the result, so the input stays as it was.
 */
export function restoreMachineSnapshot(compiled: CompiledWorkflow, snapshot: WorkflowSnapshot): AnyMachineSnapshot {
  return compiled.machine.resolveState({ value: snapshot.value, context: snapshot.context });
}

function isWorkflowContext(value: unknown): value is WorkflowContext {
  if (!isRecord(value)) return false;
  return (
    isRecord(value['data']) &&
    isRecord(value['params']) &&
    typeof value['startedAt'] === 'number' &&
    (value['requester'] === null || isWorkflowActor(value['requester']))
  );
}

function isWorkflowActor(value: unknown): value is WorkflowActor {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    Array.isArray(value['roles']) &&
    value['roles'].every((role) => typeof role === 'string')
  );
}
