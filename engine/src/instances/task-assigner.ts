import { Injectable } from '@nestjs/common';
import type { ResolvedAssignee } from '@estateflow/model';
import { StaffRole } from '../generated/prisma/enums';
import { TaskAssigneeRepository } from './task-assignee.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAFF_ROLES: readonly string[] = Object.values(StaffRole);

export function isStaffRole(role: string): role is StaffRole {
  return STAFF_ROLES.includes(role);
}

export interface TaskAssignee {
  assigneeRole: StaffRole | null;
  assigneeUserId: string | null;
  assigneeUserName: string | null;
  assigneePersonId: string | null;
}

const UNASSIGNED: TaskAssignee = { assigneeRole: null, assigneeUserId: null, assigneeUserName: null, assigneePersonId: null };

/** Who a new task goes to: a role (the team's inbox), a named staff user, a rule's pick, or the requester. */
@Injectable()
export class TaskAssigner {
  constructor(private readonly repository: TaskAssigneeRepository) {}

  async assign(input: { companyId: string; estateId: string; buildingId: string | null; assignee: ResolvedAssignee | undefined; requesterPersonId: string | null }): Promise<TaskAssignee> {
    const { assignee } = input;
    if (assignee === undefined) return UNASSIGNED;
    switch (assignee.kind) {
      case 'role':
        if (isStaffRole(assignee.role)) return { ...UNASSIGNED, assigneeRole: assignee.role };
        // owner / tenant / requester: the person who asked.
        return { ...UNASSIGNED, assigneePersonId: input.requesterPersonId };
      case 'requester':
        if (input.requesterPersonId !== null) return { ...UNASSIGNED, assigneePersonId: input.requesterPersonId };
        return assignee.userId !== null && UUID.test(assignee.userId) ? this.staffUser(input.companyId, assignee.userId) : UNASSIGNED;
      case 'user':
        return UUID.test(assignee.userId) ? this.staffUser(input.companyId, assignee.userId) : UNASSIGNED;
      case 'rule': {
        if (!isStaffRole(assignee.role)) return UNASSIGNED;
        const picked = await this.repository.pickStaff({
          companyId: input.companyId,
          estateId: input.estateId,
          role: assignee.role,
          buildingId: assignee.by === 'building' ? input.buildingId : null,
          roundRobin: assignee.rule === 'roundRobin',
        });
        // Nobody holds the role: the task waits in the role's team inbox.
        return picked === null ? { ...UNASSIGNED, assigneeRole: assignee.role } : { ...UNASSIGNED, assigneeRole: assignee.role, assigneeUserId: picked.id, assigneeUserName: picked.name };
      }
    }
  }

  /** A named user only if they are staff of this company; anyone else leaves the task unassigned. */
  private async staffUser(companyId: string, userId: string): Promise<TaskAssignee> {
    const name = await this.repository.staffName(companyId, userId);
    return name === null ? UNASSIGNED : { ...UNASSIGNED, assigneeUserId: userId, assigneeUserName: name };
  }
}
