import { findState, type WorkflowDefinition } from '@estateflow/model';

/** DOMAIN.md: a first breach goes to the engineering supervisor, a second to the estate manager. */
export const DEFAULT_LADDER = ['engineering_supervisor', 'estate_manager'] as const;

/**
 * The role an SLA escalation of `level` (1-based) goes to: the task's `sla.escalation` list when
 * the definition gives one, else the default ladder; past the end, the last rung.
 */
export function escalationRole(input: { definition: WorkflowDefinition; statePath: string; level: number }): string {
  const sla: unknown = findState(input.definition, input.statePath)?.meta?.task?.sla;
  const configured: unknown = typeof sla === 'object' && sla !== null ? Reflect.get(sla, 'escalation') : undefined;
  const ladder =
    Array.isArray(configured) && configured.length > 0 && configured.every((role): role is string => typeof role === 'string')
      ? configured
      : [...DEFAULT_LADDER];
  return ladder[Math.min(Math.max(1, input.level), ladder.length) - 1] ?? DEFAULT_LADDER[0];
}
