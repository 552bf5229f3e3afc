import { findState, type WorkflowDefinition } from '@estateflow/model';

/** DOMAIN.md: a first breach goes to the engineering supervisor, a second to the estate manager. */
export const DEFAULT_LADDER = ['engineering_supervisor', 'estate_manager'] as const;

/**
 * The role an SLA escalation of `level` (1-based) goes to: the task's `sla.escalation` list when
 * the definition gives one, else the default ladder; past the end, the last rung. Null when the
 * task's `sla.escalation` is false: the workflow escalates that task itself (its own timers and
 * escalate actions), so the sweep only marks it overdue and must not notify a second time.
 */
export function escalationRole(input: { definition: WorkflowDefinition; statePath: string; level: number }): string | null {
  const configured = findState(input.definition, input.statePath)?.meta?.task?.sla?.escalation;
  if (configured === false) return null;
  const ladder: readonly string[] = configured ?? DEFAULT_LADDER;
  return ladder[Math.min(Math.max(1, input.level), ladder.length) - 1] ?? DEFAULT_LADDER[0];
}
