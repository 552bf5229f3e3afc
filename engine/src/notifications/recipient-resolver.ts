import { Injectable } from '@nestjs/common';
import type { NotificationRecipient } from './notification-recipient';
import { NotificationsRepository } from './notifications.repository';
import { isStaffRole } from './staff-role-guard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Roles that mean "the person who raised the request". */
const REQUESTER_ROLES = new Set(['requester', 'owner', 'tenant']);

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Reflect.get(value, name) : undefined;
}

/**
 * Turns the recipients a step planned (the model's ResolvedRecipient, or the definition's own
 * Recipient shapes) into people and staff of the instance's company: a role in the instance's
 * estate, the requester, the open tasks' assignees, or one user.
 */
@Injectable()
export class RecipientResolver {
  constructor(private readonly repository: NotificationsRepository) {}

  async resolve(input: {
    companyId: string;
    estateId: string;
    instanceId: string | null;
    requesterPersonId: string | null;
    to: unknown[];
  }): Promise<NotificationRecipient[]> {
    const { companyId, estateId } = input;
    const staffIds = new Set<string>();
    const personIds = new Set<string>();
    const byRole: NotificationRecipient[] = [];
    for (const recipient of input.to) {
      const kind = field(recipient, 'kind');
      const role = field(recipient, 'role');
      if (kind === 'requester' || field(recipient, 'requester') === true || (typeof role === 'string' && REQUESTER_ROLES.has(role))) {
        const userId = field(recipient, 'userId');
        const personId = typeof userId === 'string' && UUID.test(userId) ? userId : input.requesterPersonId;
        if (personId) personIds.add(personId);
      } else if (kind === 'assignee' || field(recipient, 'assignee') === true) {
        if (input.instanceId === null) continue;
        for (const assignee of await this.repository.openTaskAssignees({ companyId, instanceId: input.instanceId })) {
          if (assignee.userId) staffIds.add(assignee.userId);
          else if (assignee.personId) personIds.add(assignee.personId);
          else if (assignee.role) byRole.push(...(await this.repository.staffWithRole({ companyId, estateId, role: assignee.role })));
        }
      } else if (isStaffRole(role)) {
        byRole.push(...(await this.repository.staffWithRole({ companyId, estateId, role })));
      } else {
        const userId = field(recipient, 'userId') ?? field(recipient, 'user');
        if (typeof userId === 'string' && UUID.test(userId)) staffIds.add(userId);
      }
    }
    const all = [
      ...byRole,
      ...(await this.repository.staff({ companyId, ids: [...staffIds] })),
      ...(await this.repository.people({ companyId, ids: [...personIds] })),
    ];
    const unique = new Map(all.map((recipient) => [`${recipient.kind}:${recipient.id}`, recipient]));
    return [...unique.values()];
  }
}
