import type { ActiveTask } from '@estateflow/model';
import type { InstanceStatus } from '../generated/prisma/enums';
import type { TaskRecord } from './instance-record';
import type { ClosedTaskRow } from './instance-writer.repository';

export interface TaskChanges {
  /** Open tasks whose state was left (done), or all of them when the instance was cancelled. */
  closed: ClosedTaskRow[];
  /** Task states entered by this step: rows to insert once their assignee is resolved. */
  opened: ActiveTask[];
  /** Open tasks whose state is still active. */
  kept: TaskRecord[];
}

/**
 * The task rows a new state implies: a task per active state with `meta.task`, keyed by state
 * path. A state still active keeps its task (and its claim); a state left closes it.
 */
export function planTaskChanges(input: {
  active: ActiveTask[];
  open: TaskRecord[];
  status: InstanceStatus;
  completedById: string | null;
}): TaskChanges {
  const activePaths = new Set(input.active.map((task) => task.statePath));
  const openPaths = new Set(input.open.map((task) => task.stateKey));
  const closedStatus = input.status === 'cancelled' ? 'cancelled' : 'done';
  const closed: ClosedTaskRow[] = [];
  const kept: TaskRecord[] = [];
  for (const task of input.open) {
    if (activePaths.has(task.stateKey) && input.status === 'active') kept.push(task);
    else closed.push({ id: task.id, status: closedStatus, completedById: input.completedById });
  }
  const opened = input.status === 'active' ? input.active.filter((task) => !openPaths.has(task.statePath)) : [];
  return { closed, opened, kept };
}
