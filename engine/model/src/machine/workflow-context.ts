import type { Actor } from '../generated/definition.js';

/** The person or system that sent an event. Timers and the engine act as SYSTEM_ACTOR. */
export interface WorkflowActor {
  id: string;
  roles: string[];
}

export const SYSTEM_ACTOR: WorkflowActor = { id: 'system', roles: [] };

/**
 * The XState context of every workflow instance. It is the instance's state besides the state
 * value, and it is all JSON:
 * - `data`: the business record, filled by `setData` from form input and expressions;
 * - `params`: the resolved per-estate parameters the instance started with (an estate changing
 *   a tunable does not rewrite running instances, as a version change does not);
 * - `requester`: who started the instance — the "requester" role and recipient;
 * - `startedAt`: the injected start time (ms since the epoch), the clock of the first macrostep.
 */
export interface WorkflowContext {
  data: Record<string, unknown>;
  params: Record<string, unknown>;
  requester: WorkflowActor | null;
  startedAt: number;
}

/** The event XState sees: the caller's event plus the injected clock and the actor. */
export interface WorkflowEvent {
  type: string;
  data: Record<string, unknown>;
  actor: WorkflowActor;
  now: number;
}

/** What an instance starts from. */
export interface WorkflowInput {
  data: Record<string, unknown>;
  params: Record<string, unknown>;
  requester: WorkflowActor | null;
  now: number;
}

export function toWorkflowActor(actor: Actor | undefined): WorkflowActor | null {
  return actor === undefined ? null : { id: actor.id, roles: [...(actor.roles ?? [])] };
}
