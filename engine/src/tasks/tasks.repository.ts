import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { Prisma } from '../generated/prisma/client';
import type { StaffRole, TaskStatus } from '../generated/prisma/enums';

export interface TaskRow {
  id: string;
  instanceId: string;
  estateId: string;
  stateKey: string;
  name: Prisma.JsonValue;
  status: TaskStatus;
  assigneeRole: StaffRole | null;
  assigneeUserId: string | null;
  assigneePersonId: string | null;
  respondDueAt: Date | null;
  completeDueAt: Date | null;
  workflowKey: string;
  createdAt: Date;
  instance: { reference: string; title: string; versionId: string };
  assigneeName: string | null;
}

const taskSelect = {
  id: true,
  instanceId: true,
  estateId: true,
  stateKey: true,
  name: true,
  status: true,
  assigneeRole: true,
  assigneeUserId: true,
  assigneePersonId: true,
  respondDueAt: true,
  completeDueAt: true,
  workflowKey: true,
  createdAt: true,
  instance: { select: { reference: true, title: true, versionId: true } },
} as const;

/** Task rows for inboxes and for claim / release / reassign; scoped by company. */
@Injectable()
export class TasksRepository {
  constructor(private readonly database: DatabaseService) {}

  async page(input: {
    where: Prisma.TaskWhereInput;
    page: number;
    pageSize: number;
    now: Date;
  }): Promise<{ rows: TaskRow[]; total: number }> {
    // Overdue first: rank by due time, those already past it lead.
    const [rows, total] = await Promise.all([
      this.database.prisma.task.findMany({
        where: input.where,
        orderBy: [{ completeDueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
        skip: (input.page - 1) * input.pageSize,
        take: input.pageSize,
        select: taskSelect,
      }),
      this.database.prisma.task.count({ where: input.where }),
    ]);
    return { rows: await this.withNames(rows), total };
  }

  count(where: Prisma.TaskWhereInput): Promise<number> {
    return this.database.prisma.task.count({ where });
  }

  async find(companyId: string, id: string): Promise<TaskRow | null> {
    const row = await this.database.prisma.task.findFirst({ where: { id, companyId }, select: taskSelect });
    return row === null ? null : ((await this.withNames([row]))[0] ?? null);
  }

  /** Conditional update: applies only while the row still matches `where`; returns whether it did. */
  async update(input: {
    companyId: string;
    id: string;
    where: Prisma.TaskWhereInput;
    data: Prisma.TaskUpdateManyMutationInput;
  }): Promise<boolean> {
    const { count } = await this.database.prisma.task.updateMany({
      where: { ...input.where, id: input.id, companyId: input.companyId },
      data: input.data,
    });
    return count === 1;
  }

  async staffInEstate(input: { companyId: string; estateId: string; userId: string }): Promise<boolean> {
    const count = await this.database.prisma.staffUser.count({
      where: {
        id: input.userId,
        companyId: input.companyId,
        active: true,
        roles: { some: { OR: [{ estateId: input.estateId }, { estateId: null }] } },
      },
    });
    return count === 1;
  }

  private async withNames(rows: Omit<TaskRow, 'assigneeName'>[]): Promise<TaskRow[]> {
    const ids = [...new Set(rows.flatMap((row) => (row.assigneeUserId === null ? [] : [row.assigneeUserId])))];
    const staff =
      ids.length === 0
        ? []
        : await this.database.prisma.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    const names = new Map(staff.map((user) => [user.id, user.name]));
    return rows.map((row) => ({ ...row, assigneeName: row.assigneeUserId === null ? null : (names.get(row.assigneeUserId) ?? null) }));
  }
}
