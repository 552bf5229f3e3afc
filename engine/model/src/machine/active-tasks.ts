import type { LocalizedText, WorkflowDefinition } from '../generated/definition.js';
import { resolveSlaDuration } from '../durations/resolve-sla-duration.js';
import { compileMachine } from './compile-machine.js';
import type { ResolvedAssignee } from './effects.js';
import { expressionScopeOf } from './expression-scope.js';
import { resolveAssignee } from './plan-effects.js';
import { findState } from './state-tree.js';
import { activeStatePaths } from './state-value.js';
import { checkSnapshot } from './workflow-snapshot.js';

/** A user task implied by an active state's meta.task. */
export interface ActiveTask {
  /** The state path; the task's stable id within an instance. */
  statePath: string;
  name: LocalizedText;
  form?: string;
  assignee?: ResolvedAssignee;
  /** SLA durations in milliseconds from entering the state; absent when the task has none (or no case held). */
  sla: { respondMs?: number; completeMs?: number };
}

/**
 * The open user tasks of a snapshot. `parameters` default to those the instance started with.
 * An assignTask effect (reassign) overrides the assignee; the engine keeps that on its task row.
 */
export function activeTasks(definition: WorkflowDefinition, snapshot: unknown, parameters?: Record<string, unknown>): ActiveTask[] {
  const checked = checkSnapshot(compileMachine(definition), snapshot);
  if (checked.status === 'done') return [];
  const params = parameters ?? checked.context.params;
  const scope = expressionScopeOf({ ...checked.context, params }, undefined);
  const tasks: ActiveTask[] = [];
  for (const statePath of activeStatePaths(checked.value)) {
    const task = findState(definition, statePath)?.meta?.task;
    if (task === undefined) continue;
    const entry: ActiveTask = { statePath, name: task.name, sla: {} };
    if (task.form !== undefined) entry.form = task.form;
    const assignee =
      task.assignee === undefined
        ? undefined
        : resolveAssigneeSafely(task.assignee, { scope, requesterId: checked.context.requester?.id ?? null });
    if (assignee !== undefined) entry.assignee = assignee;
    // A by-case SLA is decided by the data as it is now (e.g. the repair's urgency).
    const respond = task.sla?.respond === undefined ? undefined : resolveSlaDuration({ duration: task.sla.respond, scope });
    const complete = task.sla?.complete === undefined ? undefined : resolveSlaDuration({ duration: task.sla.complete, scope });
    if (respond?.ok === true) entry.sla.respondMs = respond.ms;
    if (complete?.ok === true) entry.sla.completeMs = complete.ms;
    tasks.push(entry);
  }
  return tasks;
}

// A user expression naming a field not yet set leaves the task unassigned rather than failing the read.
function resolveAssigneeSafely(assignee: unknown, where: Parameters<typeof resolveAssignee>[1]): ResolvedAssignee | undefined {
  try {
    return resolveAssignee(assignee, where);
  } catch {
    return undefined;
  }
}
