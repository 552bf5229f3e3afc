import { Injectable } from '@nestjs/common';
import { Coalescer } from '../database/coalescer';
import { DatabaseService } from '../database/database.service';
import { runAsTenant } from '../database/tenant-context';
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

/** For each list of ids asked for, the recipients found among them (a batch looked them all up at once). */
function pickEach(lists: string[][], found: NotificationRecipient[]): NotificationRecipient[][] {
  const byId = new Map(found.map((recipient) => [recipient.id, recipient]));
  return lists.map((ids) => [...new Set(ids)].flatMap((id) => byId.get(id) ?? []));
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
  private readonly instances: Coalescer<string, InstanceForNotification | null>;
  private readonly inserts: Coalescer<NewNotification, string | null>;
  private readonly staffLookups: Coalescer<string[], NotificationRecipient[]>;
  private readonly peopleLookups: Coalescer<string[], NotificationRecipient[]>;

  constructor(private readonly database: DatabaseService) {
    this.instances = new Coalescer((companyId, ids) => runAsTenant(companyId, () => this.readInstances(companyId, ids)));
    this.inserts = new Coalescer((companyId, rows) => runAsTenant(companyId, () => this.insertRows(rows)));
    this.staffLookups = new Coalescer((companyId, lists) =>
      runAsTenant(companyId, async () => {
        const { rows } = await this.database.pool.query<StaffRecipientRow>({
          name: 'notifications.staff',
          text: `SELECT id, name, locale, email, "phoneCipher" FROM "StaffUser" WHERE "companyId" = $1 AND id = ANY($2::uuid[]) AND active`,
          values: [companyId, [...new Set(lists.flat())]],
        });
        return pickEach(lists, rows.map(staffRecipient));
      }),
    );
    this.peopleLookups = new Coalescer((companyId, lists) =>
      runAsTenant(companyId, async () => {
        const { rows } = await this.database.pool.query<PersonRecipientRow>({
          name: 'notifications.people',
          text: `SELECT id, name, "phoneCipher" FROM "Person" WHERE "companyId" = $1 AND id = ANY($2::uuid[])`,
          values: [companyId, [...new Set(lists.flat())]],
        });
        return pickEach(lists, rows.map(personRecipient));
      }),
    );
  }

  private async readInstances(companyId: string, ids: string[]): Promise<(InstanceForNotification | null)[]> {
    const { rows } = await this.database.pool.query<InstanceForNotification>({
      name: 'notifications.instances',
      text: `SELECT i.id, i."companyId", i."estateId", i."versionId", i."workflowKey", i.reference, i.title, i."stateValue", i.status::text AS status,
              i.snapshot, i.data, i."requesterPersonId", i."createdAt", i."updatedAt", e.name AS "estateName", e.timezone,
              COALESCE(b.parameters, '{}'::jsonb) AS "estateParameters", COALESCE(d."companyParameters", '{}'::jsonb) AS "companyParameters"
       FROM "Instance" i
       JOIN "Estate" e ON e.id = i."estateId"
       JOIN "DefinitionVersion" v ON v.id = i."versionId"
       JOIN "WorkflowDefinition" d ON d.id = v."definitionId"
       LEFT JOIN "EstateBinding" b ON b."estateId" = i."estateId" AND b."workflowKey" = i."workflowKey"
       WHERE i.id = ANY($1::uuid[]) AND i."companyId" = $2`,
      values: [[...new Set(ids)], companyId],
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** One INSERT for the rows of a batch; each gets its new id, or null where its dedupeKey existed. */
  private async insertRows(rows: NewNotification[]): Promise<(string | null)[]> {
    const { rows: inserted } = await this.database.pool.query<{ id: string; dedupeKey: string }>({
      name: 'notifications.insert-all',
      text: `INSERT INTO "Notification" (id, "companyId", "estateId", "recipientKind", "recipientId", channel, "templateKey", locale, title, body, "instanceId", "dedupeKey")
       SELECT gen_random_uuid(), n."companyId", n."estateId", n."recipientKind", n."recipientId", n.channel, n."templateKey", n.locale, n.title, n.body,
              n."instanceId", n."dedupeKey"
         FROM jsonb_to_recordset($1::jsonb) AS n("companyId" uuid, "estateId" uuid, "recipientKind" "PrincipalKind", "recipientId" uuid, channel text,
              "templateKey" text, locale text, title text, body text, "instanceId" uuid, "dedupeKey" text)
       ON CONFLICT ("dedupeKey") DO NOTHING
       RETURNING id, "dedupeKey"`,
      values: [JSON.stringify(rows)],
    });
    const idOf = new Map(inserted.map((row) => [row.dedupeKey, row.id]));
    // A key given twice in one batch was inserted once: only its first request gets the id.
    return rows.map((row) => {
      const id = idOf.get(row.dedupeKey) ?? null;
      idOf.delete(row.dedupeKey);
      return id;
    });
  }

  /** The instance a notify job renders; the jobs of one claimed batch share one statement. */
  instance(input: { companyId: string; instanceId: string }): Promise<InstanceForNotification | null> {
    return this.instances.load(input.companyId, input.instanceId);
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

  /** Active staff among `ids`; the lookups of one claimed batch share one statement. */
  async staff(input: { companyId: string; ids: string[] }): Promise<NotificationRecipient[]> {
    return input.ids.length === 0 ? [] : this.staffLookups.load(input.companyId, input.ids);
  }

  /** People among `ids`; the lookups of one claimed batch share one statement. */
  async people(input: { companyId: string; ids: string[] }): Promise<NotificationRecipient[]> {
    return input.ids.length === 0 ? [] : this.peopleLookups.load(input.companyId, input.ids);
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

  /**
   * Inserts unless a row with this dedupeKey exists; returns the new id or null for a duplicate.
   * The rows that the jobs of one claimed batch insert go to PostgreSQL as one statement.
   */
  insert(row: NewNotification): Promise<string | null> {
    return this.inserts.load(row.companyId, row);
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
