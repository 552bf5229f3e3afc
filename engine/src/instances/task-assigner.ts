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

const STAFF_NAME_TTL_MS = 30_000;
const MAX_STAFF_NAMES = 5_000;

const UNASSIGNED: TaskAssignee = { assigneeRole: null, assigneeUserId: null, assigneeUserName: null, assigneePersonId: null };

/** Who a new task goes to: a role (the team's inbox), a named staff user, a rule's pick, or the requester. */
@Injectable()
export class TaskAssigner {
  constructor(private readonly repository: TaskAssigneeRepository) {}

  async assign(input: {
    companyId: string;
    estateId: string;
    buildingId: string | null;
    assignee: ResolvedAssignee | undefined;
    requesterPersonId: string | null;
  }): Promise<TaskAssignee> {
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
        return picked === null
          ? { ...UNASSIGNED, assigneeRole: assignee.role }
          : { ...UNASSIGNED, assigneeRole: assignee.role, assigneeUserId: picked.id, assigneeUserName: picked.name };
      }
    }
  }

  /** A named user only if they are staff of this company; anyone else leaves the task unassigned. */
  private async staffUser(companyId: string, userId: string): Promise<TaskAssignee> {
    const name = await this.staffName(companyId, userId);
    return name === null ? UNASSIGNED : { ...UNASSIGNED, assigneeUserId: userId, assigneeUserName: name };
  }

  /**
   * Staff names found lately, so that assigning to a named person (DISPATCH, REASSIGN) does not
   * add a round trip to the event path. Only hits are kept — a user who is not staff of the
   * company is asked about every time — and only briefly: a rename shows on new tasks within
   * STAFF_NAME_TTL_MS (stored rows are read with the current name anyway).
   */
  private readonly names = new Map<string, { name: string; expiresAt: number }>();

  private async staffName(companyId: string, userId: string): Promise<string | null> {
    const key = `${companyId}:${userId}`;
    const now = Date.now();
    const known = this.names.get(key);
    if (known !== undefined && known.expiresAt > now) return known.name;
    const name = await this.repository.staffName(companyId, userId);
    if (name === null) {
      this.names.delete(key);
      return null;
    }
    if (this.names.size >= MAX_STAFF_NAMES) this.names.clear();
    this.names.set(key, { name, expiresAt: now + STAFF_NAME_TTL_MS });
    return name;
  }
}
