import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { StaffRole } from '../generated/prisma/enums';
import type { NotificationRecipient } from './notification-recipient';

/** The instance as a notification template sees it, with what rendering needs around it. */
export interface InstanceForNotification {
  id: string;
  companyId: string;
  estateId: string;
  versionId: string;
  workflowKey: string;
  reference: string;
  title: string;
  stateValue: string;
  status: string;
  snapshot: unknown;
  data: unknown;
  requesterPersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
  estateName: string;
  timezone: string;
  estateParameters: unknown;
  companyParameters: unknown;
}

export interface NotificationRow {
  id: string;
  templateKey: string;
  title: string;
  body: string;
  instanceId: string | null;
  estateId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  companyId: string;
  estateId: string | null;
  recipientKind: 'staff' | 'person';
  recipientId: string;
  channel: string;
  templateKey: string;
  locale: string;
  title: string;
  body: string;
  instanceId: string | null;
  dedupeKey: string;
}

interface StaffRecipientRow {
  id: string;
  name: string;
  locale: string;
  email: string;
  phoneCipher: string | null;
}

interface PersonRecipientRow {
  id: string;
  name: string;
  phoneCipher: string;
}

const locale = (value: string): 'zh-CN' | 'en' => (value === 'en' ? 'en' : 'zh-CN');
const staffRecipient = (row: StaffRecipientRow): NotificationRecipient => ({
  kind: 'staff',
  id: row.id,
  name: row.name,
  locale: locale(row.locale),
  email: row.email,
  phoneCipher: row.phoneCipher,
});
const personRecipient = (row: PersonRecipientRow): NotificationRecipient => ({
  kind: 'person',
  id: row.id,
  name: row.name,
  locale: 'zh-CN',
  email: null,
  phoneCipher: row.phoneCipher,
});

/**
 * Notification rows, and the lookups that resolve who gets one. The statements every notify job
 * runs are named, so each pooled connection plans them once: planning the instance read with its
 * joins cost PostgreSQL more than running it (docs/performance.md).
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly database: DatabaseService) {}

  async instance(input: { companyId: string; instanceId: string }): Promise<InstanceForNotification | null> {
    const { rows } = await this.database.pool.query<InstanceForNotification>({
      name: 'notifications.instance',
      text: `SELECT i.id, i."companyId", i."estateId", i."versionId", i."workflowKey", i.reference, i.title, i."stateValue", i.status::text AS status,
              i.snapshot, i.data, i."requesterPersonId", i."createdAt", i."updatedAt", e.name AS "estateName", e.timezone,
              COALESCE(b.parameters, '{}'::jsonb) AS "estateParameters", COALESCE(d."companyParameters", '{}'::jsonb) AS "companyParameters"
       FROM "Instance" i
       JOIN "Estate" e ON e.id = i."estateId"
       JOIN "DefinitionVersion" v ON v.id = i."versionId"
       JOIN "WorkflowDefinition" d ON d.id = v."definitionId"
       LEFT JOIN "EstateBinding" b ON b."estateId" = i."estateId" AND b."workflowKey" = i."workflowKey"
       WHERE i.id = $1 AND i."companyId" = $2`,
      values: [input.instanceId, input.companyId],
    });
    return rows[0] ?? null;
  }

  async estate(input: { companyId: string; estateId: string }): Promise<{ name: string; timezone: string } | null> {
    const { rows } = await this.database.pool.query<{ name: string; timezone: string }>(
      `SELECT name, timezone FROM "Estate" WHERE id = $1 AND "companyId" = $2`,
      [input.estateId, input.companyId],
    );
    return rows[0] ?? null;
  }

  /** Active staff holding a role in the estate; when nobody does, those holding it company-wide. */
  async staffWithRole(input: { companyId: string; estateId: string; role: StaffRole }): Promise<NotificationRecipient[]> {
    const { rows } = await this.database.pool.query<StaffRecipientRow & { inEstate: boolean }>({
      name: 'notifications.staff-with-role',
      text: `SELECT DISTINCT s.id, s.name, s.locale, s.email, s."phoneCipher", (r."estateId" IS NOT NULL) AS "inEstate"
       FROM "RoleAssignment" r JOIN "StaffUser" s ON s.id = r."staffUserId"
       WHERE r."companyId" = $1 AND r.role = $3::"StaffRole" AND (r."estateId" = $2 OR r."estateId" IS NULL) AND s.active`,
      values: [input.companyId, input.estateId, input.role],
    });
    const inEstate = rows.filter((row) => row.inEstate);
    return (inEstate.length > 0 ? inEstate : rows).map(staffRecipient);
  }

  async staff(input: { companyId: string; ids: string[] }): Promise<NotificationRecipient[]> {
    if (input.ids.length === 0) return [];
    const { rows } = await this.database.pool.query<StaffRecipientRow>({
      name: 'notifications.staff',
      text: `SELECT id, name, locale, email, "phoneCipher" FROM "StaffUser" WHERE "companyId" = $1 AND id = ANY($2::uuid[]) AND active`,
      values: [input.companyId, input.ids],
    });
    return rows.map(staffRecipient);
  }

  async people(input: { companyId: string; ids: string[] }): Promise<NotificationRecipient[]> {
    if (input.ids.length === 0) return [];
    const { rows } = await this.database.pool.query<PersonRecipientRow>({
      name: 'notifications.people',
      text: `SELECT id, name, "phoneCipher" FROM "Person" WHERE "companyId" = $1 AND id = ANY($2::uuid[])`,
      values: [input.companyId, input.ids],
    });
    return rows.map(personRecipient);
  }

  /** Who the instance's open tasks are with. */
  async openTaskAssignees(input: {
    companyId: string;
    instanceId: string;
  }): Promise<{ userId: string | null; personId: string | null; role: StaffRole | null }[]> {
    const { rows } = await this.database.pool.query<{ userId: string | null; personId: string | null; role: StaffRole | null }>({
      name: 'notifications.open-task-assignees',
      text: `SELECT "assigneeUserId" AS "userId", "assigneePersonId" AS "personId", "assigneeRole" AS role
       FROM "Task" WHERE "companyId" = $1 AND "instanceId" = $2 AND status IN ('open', 'claimed')`,
      values: [input.companyId, input.instanceId],
    });
    return rows;
  }

  /** Inserts unless a row with this dedupeKey exists; returns the new id or null for a duplicate. */
  async insert(row: NewNotification): Promise<string | null> {
    const { rows } = await this.database.pool.query<{ id: string }>({
      name: 'notifications.insert',
      text: `INSERT INTO "Notification" (id, "companyId", "estateId", "recipientKind", "recipientId", channel, "templateKey", locale, title, body, "instanceId", "dedupeKey")
       VALUES (gen_random_uuid(), $1, $2, $3::"PrincipalKind", $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT ("dedupeKey") DO NOTHING
       RETURNING id`,
      values: [
        row.companyId,
        row.estateId,
        row.recipientKind,
        row.recipientId,
        row.channel,
        row.templateKey,
        row.locale,
        row.title,
        row.body,
        row.instanceId,
        row.dedupeKey,
      ],
    });
    return rows[0]?.id ?? null;
  }

  async exists(dedupeKey: string): Promise<boolean> {
    const { rowCount } = await this.database.pool.query(`SELECT 1 FROM "Notification" WHERE "dedupeKey" = $1`, [dedupeKey]);
    return (rowCount ?? 0) > 0;
  }

  async list(input: {
    companyId: string;
    recipientKind: 'staff' | 'person';
    recipientId: string;
    unreadOnly: boolean;
    limit: number;
  }): Promise<NotificationRow[]> {
    return this.database.prisma.notification.findMany({
      where: {
        companyId: input.companyId,
        recipientKind: input.recipientKind,
        recipientId: input.recipientId,
        channel: 'in_app',
        ...(input.unreadOnly ? { readAt: null } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take: input.limit,
      select: { id: true, templateKey: true, title: true, body: true, instanceId: true, estateId: true, createdAt: true, readAt: true },
    });
  }

  unreadCount(input: { companyId: string; recipientKind: 'staff' | 'person'; recipientId: string }): Promise<number> {
    return this.database.prisma.notification.count({
      where: {
        companyId: input.companyId,
        recipientKind: input.recipientKind,
        recipientId: input.recipientId,
        channel: 'in_app',
        readAt: null,
      },
    });
  }

  /** Marks one of the recipient's notifications read; false when it is not theirs. */
  async markRead(input: {
    companyId: string;
    recipientKind: 'staff' | 'person';
    recipientId: string;
    id: string;
    now: Date;
  }): Promise<boolean> {
    const mine = {
      id: input.id,
      companyId: input.companyId,
      recipientKind: input.recipientKind,
      recipientId: input.recipientId,
      channel: 'in_app',
    };
    const found = await this.database.prisma.notification.findFirst({ where: mine, select: { readAt: true } });
    if (!found) return false;
    if (found.readAt === null)
      await this.database.prisma.notification.updateMany({ where: { ...mine, readAt: null }, data: { readAt: input.now } });
    return true;
  }

  async markAllRead(input: { companyId: string; recipientKind: 'staff' | 'person'; recipientId: string; now: Date }): Promise<number> {
    const result = await this.database.prisma.notification.updateMany({
      where: {
        companyId: input.companyId,
        recipientKind: input.recipientKind,
        recipientId: input.recipientId,
        channel: 'in_app',
        readAt: null,
      },
      data: { readAt: input.now },
    });
    return result.count;
  }
}
