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
INSERT INTO "Notice" (id, "companyId", "estateId", title, body, audience, channels, "recipientCount", "createdById")
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::text[], $8, $9)
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
}

const LIST = `
SELECT n.id, n."estateId", n.title, n.body, n.audience, n.channels, n."recipientCount", n."createdById", s.name AS "createdByName", n."createdAt"
FROM "Notice" n LEFT JOIN "StaffUser" s ON s.id = n."createdById"
WHERE n."companyId" = $1 AND n."estateId" = $2
ORDER BY n."createdAt" DESC, n.id LIMIT $3`;

const ONE = `SELECT id, "estateId", title, body, audience, channels FROM "Notice" WHERE "companyId" = $1 AND id = $2`;

/** What delivering a notice needs. */
export interface StoredNotice {
  id: string;
  estateId: string;
  title: string;
  body: string;
  audience: NoticeAudience;
  channels: string[];
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
}
