import { Injectable } from '@nestjs/common';
import { type Principal, rolesInEstate, visibleEstateIds } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import type { WorkflowDefinition } from '@estateflow/model';
import type { Prisma } from '../generated/prisma/client';
import type { StaffRole, TaskStatus } from '../generated/prisma/enums';
import { CompiledVersionCache } from '../definitions/compiled-version.cache';
import { taskSummary, type TaskSummary } from '../instances/instance-view';
import { labelOfStateValue } from '../instances/state-value-label';
import { TasksRepository, type TaskRow } from './tasks.repository';

export type TaskScope = 'mine' | 'team' | 'all';

export interface TaskQuery {
  estateId?: string;
  scope: TaskScope;
  status?: TaskStatus;
  overdue: boolean;
  workflowKey?: string;
  /** A task's state path ("dispatched"), as in TaskSummary.state. */
  state?: string;
  /** Only tasks of requests in this building (the unit's building). */
  buildingId?: string;
  /** Only tasks of requests with this category (the form's `category` field, e.g. plumbing_electric). */
  category?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface TaskInbox {
  items: TaskSummary[];
  total: number;
  page: number;
  pageSize: number;
  counts: { mine: number; team: number; all: number };
}

/** Roles that hand work to someone else. */
const DISPATCH_ROLES: readonly StaffRole[] = ['company_admin', 'estate_manager', 'engineering_supervisor', 'front_desk'];

function localizedName(value: Prisma.JsonValue): { 'zh-CN': string; en?: string } {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const zh = value['zh-CN'];
    const en = value['en'];
    if (typeof zh === 'string') return typeof en === 'string' ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
  }
  return { 'zh-CN': String(value), en: String(value) };
}

type VersionDefinitions = ReadonlyMap<string, WorkflowDefinition>;

function toSummary(row: TaskRow, input: { now: number; definitions: VersionDefinitions }): TaskSummary {
  const summary = taskSummary(
    {
      id: row.id,
      stateKey: row.stateKey,
      name: localizedName(row.name),
      status: row.status,
      assigneeRole: row.assigneeRole,
      assigneeUserId: row.assigneeUserId,
      assigneeUserName: row.assigneeName,
      assigneePersonId: row.assigneePersonId,
      respondDueAt: row.respondDueAt?.toISOString() ?? null,
      completeDueAt: row.completeDueAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    },
    { id: row.instanceId, reference: row.instance.reference, title: row.instance.title, workflowKey: row.workflowKey },
    input.now,
  );
  const definition = input.definitions.get(row.instance.versionId);
  summary.stateLabel = definition === undefined ? { 'zh-CN': row.stateKey, en: row.stateKey } : labelOfStateValue(definition, row.stateKey);
  if (definition !== undefined) summary.workflowName = definition.name;
  return summary;
}

/** The inbox (mine / team / all, overdue first) and claiming, releasing and reassigning tasks. */
@Injectable()
export class TasksService {
  constructor(
    private readonly repository: TasksRepository,
    private readonly versions: CompiledVersionCache,
  ) {}

  async inbox(principal: Principal, query: TaskQuery): Promise<TaskInbox> {
    const now = new Date();
    const base = this.baseWhere(principal, query, now);
    const scopes: Record<TaskScope, Prisma.TaskWhereInput> = {
      mine: { AND: [base, this.mineWhere(principal)] },
      team: { AND: [base, this.teamWhere(principal)] },
      all: principal.kind === 'person' ? { AND: [base, this.mineWhere(principal)] } : base,
    };
    const [{ rows, total }, mine, team, all] = await Promise.all([
      this.repository.page({ where: scopes[query.scope], page: query.page, pageSize: query.pageSize, now }),
      this.repository.count(scopes.mine),
      this.repository.count(scopes.team),
      this.repository.count(scopes.all),
    ]);
    const definitions = await this.definitions(principal.companyId, rows);
    const items = rows.map((row) => toSummary(row, { now: now.getTime(), definitions }));
    // Overdue first (the query orders by due time; those already past it come to the top).
    items.sort((a, b) => Number(b.overdue) - Number(a.overdue));
    return { items, total, page: query.page, pageSize: query.pageSize, counts: { mine, team, all } };
  }

  async claim(principal: Principal, taskId: string): Promise<TaskSummary> {
    const { task, userId } = await this.staffTask(principal, taskId);
    const roles = rolesInEstate(principal, task.estateId);
    const mayClaim =
      task.assigneeUserId === userId || (task.assigneeUserId === null && (task.assigneeRole === null || roles.includes(task.assigneeRole)));
    if (!mayClaim) throw new ForbiddenError('This task is for someone else.');
    const claimed = await this.repository.update({
      companyId: principal.companyId,
      id: taskId,
      where: { status: 'open', OR: [{ assigneeUserId: null }, { assigneeUserId: userId }] },
      data: { status: 'claimed', assigneeUserId: userId, claimedAt: new Date() },
    });
    if (!claimed) throw new ConflictError('Someone else took this task first, or it is closed.');
    return this.summary(principal, taskId);
  }

  async release(principal: Principal, taskId: string): Promise<TaskSummary> {
    const { task, userId } = await this.staffTask(principal, taskId);
    const supervises = rolesInEstate(principal, task.estateId).some((role) => role === 'estate_manager' || role === 'company_admin');
    if (task.assigneeUserId !== userId && !supervises) throw new ForbiddenError('Only the person holding this task may release it.');
    const released = await this.repository.update({
      companyId: principal.companyId,
      id: taskId,
      where: { status: 'claimed' },
      data: { status: 'open', assigneeUserId: null, claimedAt: null },
    });
    if (!released) throw new ConflictError('This task is not claimed.');
    return this.summary(principal, taskId);
  }

  async reassign(principal: Principal, input: { taskId: string; userId: string }): Promise<TaskSummary> {
    const { task } = await this.staffTask(principal, input.taskId);
    if (!rolesInEstate(principal, task.estateId).some((role) => DISPATCH_ROLES.includes(role)))
      throw new ForbiddenError('Only dispatchers and managers may reassign tasks.');
    if (!(await this.repository.staffInEstate({ companyId: principal.companyId, estateId: task.estateId, userId: input.userId })))
      throw new NotFoundError('That staff member');
    const reassigned = await this.repository.update({
      companyId: principal.companyId,
      id: input.taskId,
      where: { status: { in: ['open', 'claimed'] } },
      data: { status: 'open', assigneeUserId: input.userId, claimedAt: null },
    });
    if (!reassigned) throw new ConflictError('This task is already closed.');
    return this.summary(principal, input.taskId);
  }

  private async summary(principal: Principal, taskId: string): Promise<TaskSummary> {
    const row = await this.repository.find(principal.companyId, taskId);
    if (row === null) throw new NotFoundError('That task');
    return toSummary(row, { now: Date.now(), definitions: await this.definitions(principal.companyId, [row]) });
  }

  /** Each distinct version's definition from the compiled-version cache (no query per row); a broken version is left out (labels fall back to the raw state). */
  private async definitions(companyId: string, rows: readonly TaskRow[]): Promise<VersionDefinitions> {
    const versionIds = [...new Set(rows.map((row) => row.instance.versionId))];
    const found = await Promise.all(
      versionIds.map(async (versionId): Promise<[string, WorkflowDefinition] | null> => {
        try {
          return [versionId, (await this.versions.get(companyId, versionId)).definition];
        } catch {
          return null;
        }
      }),
    );
    return new Map(found.filter((entry): entry is [string, WorkflowDefinition] => entry !== null));
  }

  /** A task of the caller's company in an estate they work in; owners do not claim tasks. */
  private async staffTask(principal: Principal, taskId: string): Promise<{ task: TaskRow; userId: string }> {
    if (principal.kind === 'person') throw new NotFoundError('That task');
    const task = await this.repository.find(principal.companyId, taskId);
    if (task === null || rolesInEstate(principal, task.estateId).length === 0) throw new NotFoundError('That task');
    return { task, userId: principal.userId };
  }

  private baseWhere(principal: Principal, query: TaskQuery, now: Date): Prisma.TaskWhereInput {
    const visible = visibleEstateIds(principal);
    if (query.estateId !== undefined && visible !== null && !visible.includes(query.estateId)) throw new NotFoundError('That estate');
    const where: Prisma.TaskWhereInput = { companyId: principal.companyId };
    if (query.estateId !== undefined) where.estateId = query.estateId;
    else if (visible !== null) where.estateId = { in: visible };
    where.status = query.status ?? { in: ['open', 'claimed'] };
    // Overdue as the SLA sweep counts a breach: past the completion deadline, or past the response
    // deadline while nobody has claimed it (a dispatch task's respond-by-urgency SLA, say).
    if (query.overdue) where.OR = [{ completeDueAt: { lt: now } }, { status: 'open', respondDueAt: { lt: now } }];
    if (query.workflowKey !== undefined) where.workflowKey = query.workflowKey;
    if (query.state !== undefined) where.stateKey = query.state;
    if (query.buildingId !== undefined) where.buildingId = query.buildingId;
    if (query.category !== undefined) where.category = query.category;
    if (query.q !== undefined) where.instance = { searchText: { contains: query.q.toLowerCase() } };
    return where;
  }

  private mineWhere(principal: Principal): Prisma.TaskWhereInput {
    return principal.kind === 'person' ? { assigneePersonId: principal.personId } : { assigneeUserId: principal.userId };
  }

  /** Tasks for the caller's roles, estate by estate (company-wide roles count everywhere). */
  private teamWhere(principal: Principal): Prisma.TaskWhereInput {
    if (principal.kind === 'person') return this.mineWhere(principal);
    const byEstate = new Map<string | null, StaffRole[]>();
    for (const held of principal.roles) byEstate.set(held.estateId, [...(byEstate.get(held.estateId) ?? []), held.role]);
    const alternatives: Prisma.TaskWhereInput[] = [...byEstate.entries()].map(([estateId, roles]) =>
      estateId === null ? { assigneeRole: { in: roles } } : { estateId, assigneeRole: { in: roles } },
    );
    return alternatives.length === 0 ? { id: { in: [] } } : { OR: alternatives };
  }
}
