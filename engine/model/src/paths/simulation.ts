import type { WorkflowDefinition } from '../generated/definition.js';
import type { Effect } from '../machine/effects.js';
import { step, type StepResult, type WorkflowEventInput } from '../machine/step.js';
import type { WorkflowSnapshot } from '../machine/workflow-snapshot.js';

/** A pending timer of a simulated instance: the engine's timer row, in memory. */
export interface PendingTimer {
  id: string;
  dueAt: number;
  event: string;
}

/** Applies a step's schedule and cancelSchedule effects to the pending timers. */
export function applyTimerEffects(timers: readonly PendingTimer[], effects: readonly Effect[]): PendingTimer[] {
  let next = [...timers];
  for (const effect of effects) {
    if (effect.kind === 'schedule')
      next = [...next.filter((timer) => timer.id !== effect.id), { id: effect.id, dueAt: effect.dueAt, event: effect.event }];
    if (effect.kind === 'cancelSchedule') next = next.filter((timer) => timer.id !== effect.id);
  }
  return next.sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

export interface SimulatedInstance {
  snapshot: WorkflowSnapshot;
  timers: PendingTimer[];
  now: number;
}

/** Moves the simulated clock forward, firing every timer due by then, in order. */
export function advanceClock(options: { definition: WorkflowDefinition; instance: SimulatedInstance; ms: number }): {
  instance: SimulatedInstance;
  results: StepResult[];
} {
  const until = options.instance.now + options.ms;
  let instance = options.instance;
  const results: StepResult[] = [];
  for (;;) {
    const [due, ...later] = instance.timers;
    if (due === undefined || due.dueAt > until) break;
    const result = step(options.definition, instance.snapshot, { type: due.event }, { now: due.dueAt });
    results.push(result);
    instance = { snapshot: result.snapshot, timers: applyTimerEffects(later, result.effects), now: due.dueAt };
  }
  return { instance: { ...instance, now: until }, results };
}

/** Sends one event to a simulated instance at its current time. */
export function sendEvent(options: { definition: WorkflowDefinition; instance: SimulatedInstance; event: WorkflowEventInput }): {
  instance: SimulatedInstance;
  result: StepResult;
} {
  const { definition, instance, event } = options;
  const result = step(definition, instance.snapshot, event, { now: instance.now });
  return { instance: { snapshot: result.snapshot, timers: applyTimerEffects(instance.timers, result.effects), now: instance.now }, result };
}
