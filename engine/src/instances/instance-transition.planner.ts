import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { activeLeafPaths, activeTasks, findState, type StepResult } from '@estateflow/model';
import { EstateCalendarCache } from '../calendar/estate-calendar.cache';
import type { CompiledVersion } from '../definitions/compiled-version.cache';
import type { InstanceStatus } from '../generated/prisma/enums';
import { planEffects } from './effect-jobs';
import type { TaskRecord } from './instance-record';
import type { TaskLike } from './instance-view';
import type { ClosedTaskRow, JobRow, NewTaskRow, ReassignedTaskRow } from './instance-writer.repository';
import { nextSlaClocks, parseSlaClocks, taskDeadlines, type SlaClocks } from './sla-clocks';
import { planTaskChanges } from './task-plan';
import { TaskAssigner } from './task-assigner';

export interface PlannedTransition {
  status: InstanceStatus;
  closedTasks: ClosedTaskRow[];
  newTasks: NewTaskRow[];
  /** Tasks the step keeps open but hands on (an assignTask action, e.g. REASSIGN 转单). */
  reassignedTasks: ReassignedTaskRow[];
  /** The instance's open tasks after the step, for the response. */
  openTasks: TaskLike[];
  cancelTimerIds: string[];
  jobs: JobRow[];
  /** Instance.slaClocks after the step: SLA time kept across a pause state. */
  slaClocks: SlaClocks | null;
}

/** How an instance that reached a final state ends: the final state's outcome decides. */
function finishedStatus(compiled: CompiledVersion, result: StepResult): InstanceStatus {
  const outcomes = activeLeafPaths(result.snapshot.value).map((leaf) => findState(compiled.definition, leaf)?.meta?.outcome);
  return outcomes.includes('cancelled') ? 'cancelled' : 'completed';
}

/**
 * What a step means for the rows around the snapshot: the instance status, the tasks its new
 * state implies (closed, opened and assigned), and its effects as outbox rows. Pure but for the
 * assignee lookups that user and rule assignees need.
 */
@Injectable()
export class InstanceTransitionPlanner {
  constructor(
    private readonly assigner: TaskAssigner,
    private readonly calendars: EstateCalendarCache,
  ) {}

  async plan(input: {
    compiled: CompiledVersion;
    result: StepResult;
    open: TaskRecord[];
    instance: {
      id: string;
      companyId: string;
      estateId: string;
      buildingId: string | null;
      requesterPersonId: string | null;
      data: Record<string, unknown>;
      slaClocks?: unknown;
      parentInstanceId?: string | null;
    };
    seq: number;
    now: number;
    completedById: string | null;
  }): Promise<PlannedTransition> {
    const { compiled, result, instance } = input;
    const effects = planEffects({
      effects: result.effects,
      instanceId: instance.id,
      estateId: instance.estateId,
      seq: input.seq,
      now: input.now,
      machineId: compiled.definition.machine.id,
    });
    const status: InstanceStatus = effects.cancelInstance
      ? 'cancelled'
      : result.status === 'done'
        ? finishedStatus(compiled, result)
        : 'active';
    const active = status === 'active' ? activeTasks(compiled.definition, result.snapshot) : [];
    const changes = planTaskChanges({ active, open: input.open, status, completedById: input.completedById });
    const category = typeof instance.data['category'] === 'string' ? instance.data['category'] : null;
    const at = new Date(input.now).toISOString();
    const newTasks: NewTaskRow[] = [];
    const reassignedTasks: ReassignedTaskRow[] = [];
    const openTasks: TaskLike[] = [];
    const reassign = effects.reassign;
    for (const task of changes.kept) {
      const handedOn =
        reassign !== null &&
        reassign.fromState !== null &&
        (task.stateKey === reassign.fromState || task.stateKey.startsWith(`${reassign.fromState}.`));
      if (!handedOn) {
        openTasks.push({ ...task });
        continue;
      }
      const assignee = await this.assigner.assign({
        companyId: instance.companyId,
        estateId: instance.estateId,
        buildingId: instance.buildingId,
        assignee: reassign.assignee,
        requesterPersonId: instance.requesterPersonId,
      });
      const { assigneeRole, assigneeUserId, assigneePersonId, assigneeUserName } = assignee;
      if (assigneeRole === null && assigneeUserId === null && assigneePersonId === null) {
        // Nobody this company knows (a user id that is not its staff): the task stays where it is.
        openTasks.push({ ...task });
        continue;
      }
      reassignedTasks.push({ id: task.id, assigneeRole, assigneeUserId, assigneePersonId });
      openTasks.push({ ...task, status: 'open', assigneeRole, assigneeUserId, assigneePersonId, assigneeUserName });
    }
    // Deadlines count the estate's business time (docs/calendar.md); cached, so no round trip per event.
    const clock = await this.calendars.get(instance.estateId);
    const pausedClocks = parseSlaClocks(instance.slaClocks);
    const closedIds = new Set(changes.closed.map((task) => task.id));
    const slaClocks = nextSlaClocks({
      previous: pausedClocks,
      closed: input.open.filter((task) => closedIds.has(task.id)),
      opened: changes.opened,
      kept: changes.kept,
      active: status === 'active',
      now: input.now,
      clock,
    });
    for (const task of changes.opened) {
      const assignee = await this.assigner.assign({
        companyId: instance.companyId,
        estateId: instance.estateId,
        buildingId: instance.buildingId,
        assignee: reassign?.assignee ?? task.assignee,
        requesterPersonId: instance.requesterPersonId,
      });
      const row: NewTaskRow = {
        id: randomUUID(),
        stateKey: task.statePath,
        name: task.name,
        formKey: task.form ?? null,
        assigneeRole: assignee.assigneeRole,
        assigneeUserId: assignee.assigneeUserId,
        assigneePersonId: assignee.assigneePersonId,
        ...taskDeadlines({ task, carried: pausedClocks?.[task.statePath], now: input.now, clock }),
        buildingId: instance.buildingId,
        category,
      };
      newTasks.push(row);
      openTasks.push({ ...row, status: 'open', assigneeUserName: assignee.assigneeUserName, createdAt: at });
    }
    const jobs = [...effects.jobs];
    // A child workflow that ends tells its parent (docs/jobs.md `child_completed`), in this same statement.
    if (status !== 'active' && instance.parentInstanceId) {
      jobs.push({
        kind: 'child_completed',
        payload: {
          parentInstanceId: instance.parentInstanceId,
          childId: instance.id,
          workflowKey: compiled.definition.key,
          finalState: result.stateValue,
          status,
        },
        dedupeKey: `child_completed:${instance.id}`,
        runAt: at,
      });
    }
    return {
      status,
      closedTasks: changes.closed,
      newTasks,
      reassignedTasks,
      openTasks,
      cancelTimerIds: effects.cancelTimerIds,
      jobs,
      slaClocks,
    };
  }
}
