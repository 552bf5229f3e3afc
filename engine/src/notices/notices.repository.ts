import { Injectable } from '@nestjs/common';
import type { NewJob } from '../jobs/job';
import { insertJobs } from '../jobs/job.repository';
import { DatabaseService } from '../database/database.service';
import { TenantDatabase } from '../database/tenant-database.service';
import type { NotificationRecipient } from '../notifications/notification-recipient';
import type { NoticeAudience, NoticeChannel } from './notices.types';

/** Residents now (residency not ended, person not gone) of the estate's units that match the audience. */
const RECIPIENTS = `
SELECT DISTINCT p.id, p.name, p."phoneCipher"
FROM "Residency" r
JOIN "Unit" u ON u.id = r."unitId"
JOIN "Person" p ON p.id = r."personId"
WHERE r."companyId" = $1 AND r."estateId" = $2 AND r."endedAt" IS NULL AND p."leftAt" IS NULL
  AND ($3::uuid[] IS NULL OR u."buildingId" = ANY ($3::uuid[]))
  AND ($4::int IS NULL OR u.floor >= $4) AND ($5::int IS NULL OR u.floor <= $5)
ORDER BY p.name, p.id`;

const ESTATE = `SELECT id, timezone FROM "Estate" WHERE "companyId" = $1 AND id = $2`;
const BUILDINGS = `SELECT id FROM "Building" WHERE "companyId" = $1 AND "estateId" = $2 AND id = ANY ($3::uuid[])`;

const INSERT = `
INSERT INTO "Notice" (id, "companyId", "estateId", title, body, audience, channels, "recipientCount", "createdById", "sendAt")
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::text[], $8, $9, $10)
RETURNING "createdAt"`;

export interface NoticeRow {
  id: string;
  estateId: string;
  title: string;
  body: string;
  audience: unknown;
  channels: string[];
  recipientCount: number;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  sendAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnById: string | null;
  withdrawnByName: string | null;
  /** Its delivery job: status, and when it is due. */
  deliveryStatus: 'pending' | 'running' | 'done' | 'failed' | 'cancelled' | null;
  deliveryAt: Date | null;
}

const COLUMNS = `
SELECT n.id, n."estateId", n.title, n.body, n.audience, n.channels, n."recipientCount", n."createdById", s.name AS "createdByName",
       n."createdAt", n."sendAt", n."withdrawnAt", n."withdrawnById", w.name AS "withdrawnByName",
       j.status AS "deliveryStatus", j."runAt" AS "deliveryAt"
FROM "Notice" n LEFT JOIN "StaffUser" s ON s.id = n."createdById" LEFT JOIN "StaffUser" w ON w.id = n."withdrawnById"
LEFT JOIN "Job" j ON j."dedupeKey" = 'notice:' || n.id`;

const LIST = `${COLUMNS}
WHERE n."companyId" = $1 AND n."estateId" = $2
ORDER BY coalesce(n."sendAt", n."createdAt") DESC, n.id LIMIT $3`;

const ONE_IN_ESTATE = `${COLUMNS}
WHERE n."companyId" = $1 AND n."estateId" = $2 AND n.id = $3`;

const ONE = `SELECT id, "estateId", title, body, audience, channels, "withdrawnAt" FROM "Notice" WHERE "companyId" = $1 AND id = $2`;

/**
 * Withdrawing: the notice marked, its delivery cancelled if it has not run, and what it put in
 * residents' in-app messages taken out (an SMS or WeChat message cannot be called back). Only a
 * notice not yet withdrawn; $4: the job's key. Returns the messages taken out.
 */
const WITHDRAW = `
WITH notice AS (
  UPDATE "Notice" SET "withdrawnAt" = now(), "withdrawnById" = $3
   WHERE "companyId" = $1 AND id = $2 AND "withdrawnAt" IS NULL
  RETURNING id
), job AS (
  UPDATE "Job" SET status = 'cancelled', "lastError" = 'notice withdrawn', "finishedAt" = now()
   WHERE "dedupeKey" = $4 AND status = 'pending' AND EXISTS (SELECT 1 FROM notice)
  RETURNING id
), removed AS (
  DELETE FROM "Notification"
   WHERE "companyId" = $1 AND channel = 'in_app' AND "dedupeKey" LIKE $4 || ':%' AND EXISTS (SELECT 1 FROM notice)
  RETURNING id
)
SELECT (SELECT count(*) FROM notice)::int AS withdrawn, (SELECT count(*) FROM removed)::int AS removed`;

/**
 * Changing a notice that is still scheduled: its text, audience, channels and time, and its
 * delivery job's time, together — only while that job waits for a time still ahead ($9), so a
 * delivery that has begun is never changed under it (the claim skips a job this statement locks).
 * $10: the job's key. Returns the notice's id, or nothing.
 */
const EDIT = `
WITH job AS (
  UPDATE "Job" SET "runAt" = coalesce($8, $9)
   WHERE "dedupeKey" = $10 AND status = 'pending' AND "runAt" > $9
     AND EXISTS (SELECT 1 FROM "Notice" WHERE "companyId" = $1 AND id = $2 AND "withdrawnAt" IS NULL)
  RETURNING id
)
UPDATE "Notice" SET title = $3, body = $4, audience = $5::jsonb, channels = $6::text[], "recipientCount" = $7, "sendAt" = $8
 WHERE "companyId" = $1 AND id = $2 AND EXISTS (SELECT 1 FROM job)
RETURNING id`;

/** What a delivery that ran while its notice was withdrawn put in the residents' in-app messages. */
const REMOVE_IN_APP = `DELETE FROM "Notification" WHERE "companyId" = $1 AND channel = 'in_app' AND "dedupeKey" LIKE $2 || ':%'`;

/** What delivering a notice needs. */
export interface StoredNotice {
  id: string;
  estateId: string;
  title: string;
  body: string;
  audience: NoticeAudience;
  channels: string[];
  withdrawnAt: Date | null;
}

function audienceValues(audience: NoticeAudience): [string[] | null, number | null, number | null] {
  return [audience.buildingIds ?? null, audience.floors?.from ?? null, audience.floors?.to ?? null];
}

/** Notices (公告) and who they reach, as the tenant. */
@Injectable()
export class NoticesRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly tenant: TenantDatabase,
  ) {}

  async estate(input: { companyId: string; estateId: string }): Promise<{ id: string; timezone: string } | null> {
    return (await this.database.pool.query<{ id: string; timezone: string }>(ESTATE, [input.companyId, input.estateId])).rows[0] ?? null;
  }

  /** The ids among `buildingIds` that are buildings of the estate. */
  async buildingsOf(input: { companyId: string; estateId: string; buildingIds: string[] }): Promise<Set<string>> {
    const { rows } = await this.database.pool.query<{ id: string }>(BUILDINGS, [input.companyId, input.estateId, input.buildingIds]);
    return new Set(rows.map((row) => row.id));
  }

  async recipients(input: { companyId: string; estateId: string; audience: NoticeAudience }): Promise<NotificationRecipient[]> {
    const { rows } = await this.database.pool.query<{ id: string; name: string; phoneCipher: string }>(RECIPIENTS, [
      input.companyId,
      input.estateId,
      ...audienceValues(input.audience),
    ]);
    return rows.map((row) => ({ kind: 'person', id: row.id, name: row.name, locale: 'zh-CN', email: null, phoneCipher: row.phoneCipher }));
  }

  /** Stores the notice and the job that delivers it, in one transaction. */
  async create(input: {
    id: string;
    companyId: string;
    estateId: string;
    title: string;
    body: string;
    audience: NoticeAudience;
    channels: NoticeChannel[];
    recipientCount: number;
    createdById: string | null;
    sendAt: Date | null;
    job: NewJob;
  }): Promise<Date> {
    return this.tenant.withClient(input.companyId, async (client) => {
      const inserted = await client.query<{ createdAt: Date }>(INSERT, [
        input.id,
        input.companyId,
        input.estateId,
        input.title,
        input.body,
        JSON.stringify(input.audience),
        input.channels,
        input.recipientCount,
        input.createdById,
        input.sendAt,
      ]);
      await insertJobs(client, [input.job]);
      return inserted.rows[0]?.createdAt ?? new Date();
    });
  }

  async list(input: { companyId: string; estateId: string; limit: number }): Promise<NoticeRow[]> {
    return (await this.database.pool.query<NoticeRow>(LIST, [input.companyId, input.estateId, input.limit])).rows;
  }

  async one(input: { companyId: string; id: string }): Promise<StoredNotice | null> {
    return (await this.database.pool.query<StoredNotice>(ONE, [input.companyId, input.id])).rows[0] ?? null;
  }

  async inEstate(input: { companyId: string; estateId: string; id: string }): Promise<NoticeRow | null> {
    return (await this.database.pool.query<NoticeRow>(ONE_IN_ESTATE, [input.companyId, input.estateId, input.id])).rows[0] ?? null;
  }

  /** WITHDRAW, in one transaction; null when the notice was withdrawn already. */
  async withdraw(input: { companyId: string; id: string; byId: string | null; jobKey: string }): Promise<{ removed: number } | null> {
    return this.tenant.withClient(input.companyId, async (client) => {
      const { rows } = await client.query<{ withdrawn: number; removed: number }>(WITHDRAW, [
        input.companyId,
        input.id,
        input.byId,
        input.jobKey,
      ]);
      return rows[0]?.withdrawn === 1 ? { removed: rows[0].removed } : null;
    });
  }

  /** EDIT, in one transaction; false when the notice is no longer scheduled (being sent, sent or withdrawn). */
  async edit(input: {
    companyId: string;
    id: string;
    title: string;
    body: string;
    audience: NoticeAudience;
    channels: NoticeChannel[];
    recipientCount: number;
    sendAt: Date | null;
    now: Date;
    jobKey: string;
  }): Promise<boolean> {
    return this.tenant.withClient(input.companyId, async (client) => {
      const { rowCount } = await client.query(EDIT, [
        input.companyId,
        input.id,
        input.title,
        input.body,
        JSON.stringify(input.audience),
        input.channels,
        input.recipientCount,
        input.sendAt,
        input.now,
        input.jobKey,
      ]);
      return rowCount === 1;
    });
  }

  async removeInApp(input: { companyId: string; jobKey: string }): Promise<void> {
    await this.tenant.withClient(input.companyId, (client) => client.query(REMOVE_IN_APP, [input.companyId, input.jobKey]));
  }
}
