import type { Effect } from '@estateflow/model';
import type { JobRow } from './instance-writer.repository';

export interface EffectPlan {
  jobs: JobRow[];
  /** Timers of states this step left. */
  cancelTimerIds: string[];
  /** A cancelInstance action ran: the instance ends as cancelled. */
  cancelInstance: boolean;
  /**
   * The last assignTask of the step: who the tasks it opens go to and, when it ran on a
   * transition, the state that transition leaves from — its kept tasks there (and below) go too.
   */
  reassign: { assignee: Extract<Effect, { kind: 'assignTask' }>['assignee']; fromState: string | null } | null;
}

/**
 * The state path a timer belongs to. XState names an `after` event
 * "xstate.after.<delay>.<machineId>.<state path>"; a timer fires only while that state is active.
 */
export function timerStateKey(event: string, machineId: string): string | null {
  const marker = `.${machineId}.`;
  const at = event.indexOf(marker, 'xstate.after.'.length);
  return at < 0 ? null : event.slice(at + marker.length);
}

/**
 * Turns a step's planned effects into outbox rows. Dedupe keys carry the instance version the
 * step produced, so a retried step never enqueues twice and a re-entered state gets new timers.
 */
export function planEffects(input: {
  effects: Effect[];
  instanceId: string;
  estateId: string;
  seq: number;
  now: number;
  machineId: string;
}): EffectPlan {
  const { instanceId, estateId, seq } = input;
  const at = new Date(input.now).toISOString();
  const plan: EffectPlan = { jobs: [], cancelTimerIds: [], cancelInstance: false, reassign: null };
  input.effects.forEach((effect, index) => {
    const dedupeKey = `${effect.kind}:${instanceId}:${seq}:${index}`;
    switch (effect.kind) {
      case 'schedule':
        plan.jobs.push({
          kind: 'timer',
          payload: {
            instanceId,
            timerId: effect.id,
            event: effect.event,
            stateVersion: seq,
            stateKey: timerStateKey(effect.event, input.machineId),
          },
          dedupeKey: `timer:${instanceId}:${seq}:${effect.id}`,
          runAt: new Date(effect.dueAt).toISOString(),
        });
        break;
      case 'cancelSchedule':
        plan.cancelTimerIds.push(effect.id);
        break;
      case 'notify':
        plan.jobs.push({
          kind: 'notify',
          payload: { instanceId, estateId, seq, template: effect.template, to: effect.to, channels: effect.channels },
          dedupeKey,
          runAt: at,
        });
        break;
      case 'webhook':
        plan.jobs.push({
          kind: 'webhook',
          payload: { instanceId, estateId, seq, event: effect.event, payload: effect.payload },
          dedupeKey,
          runAt: at,
        });
        break;
      case 'startChild':
        plan.jobs.push({
          kind: 'start_child',
          payload: { parentInstanceId: instanceId, estateId, seq, workflowKey: effect.workflowKey, data: effect.data, index: effect.index },
          dedupeKey,
          runAt: at,
        });
        break;
      case 'escalate':
        plan.jobs.push({
          kind: 'escalate',
          payload: {
            instanceId,
            estateId,
            seq,
            to: effect.to,
            level: effect.level,
            template: effect.template ?? null,
            reason: effect.reason ?? null,
          },
          dedupeKey,
          runAt: at,
        });
        break;
      case 'assignTask':
        // Transition ids are "<source state path>#<trigger>.<index>" (the model's state tree).
        plan.reassign = { assignee: effect.assignee, fromState: effect.transition?.split('#')[0] ?? null };
        break;
      case 'cancelInstance':
        plan.cancelInstance = true;
        break;
      case 'registerResident':
        plan.jobs.push({
          kind: 'register_resident',
          payload: {
            instanceId,
            estateId,
            seq,
            unitId: effect.unitId,
            person: effect.person,
            residencyKind: effect.residencyKind,
            moveInAt: effect.moveInAt ?? null,
          },
          dedupeKey,
          runAt: at,
        });
        break;
    }
  });
  // A timer cancelled and scheduled again in one step (a re-entered state) keeps the new one.
  return plan;
}
