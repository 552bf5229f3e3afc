import type { LocalizedText } from '../generated/definition.js';

/** Who a notification goes to, resolved at the step that planned it. */
export type ResolvedRecipient =
  { kind: 'role'; role: string } | { kind: 'user'; userId: string } | { kind: 'requester'; userId: string | null } | { kind: 'assignee' };

/** Who a task goes to, resolved at the step that planned it; rules are applied by the engine. */
export type ResolvedAssignee =
  | { kind: 'role'; role: string }
  | { kind: 'user'; userId: string }
  | { kind: 'rule'; rule: 'leastBusy' | 'roundRobin'; role: string; by: 'estate' | 'building' }
  | { kind: 'requester'; userId: string | null };

interface EffectOrigin {
  /** The transition being taken when the effect was planned ("submitted#on.DISPATCH.0"); absent for the start. */
  transition?: string;
}

/**
 * A side effect a step planned. The model never performs one: the engine writes them to its
 * outbox in the same transaction as the snapshot and delivers them afterwards.
 */
export type Effect =
  | (EffectOrigin & { kind: 'notify'; template: string; to: ResolvedRecipient[]; channels: string[] })
  /** A timer from `after`: fire `event` at `dueAt` unless cancelled. `id` is stable per state path and delay. */
  | (EffectOrigin & { kind: 'schedule'; id: string; delayMs: number; dueAt: number; event: string })
  | (EffectOrigin & { kind: 'cancelSchedule'; id: string })
  | (EffectOrigin & { kind: 'assignTask'; assignee: ResolvedAssignee; reason?: string })
  | (EffectOrigin & { kind: 'escalate'; to: { role: string }; level: number; template?: string; reason?: LocalizedText })
  /** One child instance; `index` tells children of one action apart (for idempotency keys). */
  | (EffectOrigin & { kind: 'startChild'; workflowKey: string; data: Record<string, unknown>; index: number })
  | (EffectOrigin & { kind: 'webhook'; event: string; payload: Record<string, unknown> })
  | (EffectOrigin & { kind: 'cancelInstance'; reason?: LocalizedText })
  /**
   * The person becomes a resident of the unit. `unitId`/`personId` are what the expressions gave
   * (null: they gave nothing usable); the engine checks both against the instance's company and estate.
   * A "requester" person is left to the engine, which knows the person the instance was started for.
   */
  | (EffectOrigin & {
      kind: 'registerResident';
      unitId: string | null;
      person: { kind: 'requester' } | { kind: 'person'; personId: string | null };
      residencyKind: 'owner' | 'tenant';
      /** ISO date or date-time; absent: when the engine performs it. */
      moveInAt?: string;
    });

export type EffectKind = Effect['kind'];
