import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { IncidentStatus } from '../generated/prisma/enums';

export interface IncidentRow {
  id: string;
  companyId: string;
  estateId: string | null;
  instanceId: string | null;
  jobId: bigint | null;
  kind: string;
  message: string;
  status: IncidentStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedById: string | null;
}

/** Incidents and the job each one stands for. */
@Injectable()
export class IncidentsRepository {
  constructor(private readonly database: DatabaseService) {}

  /** `estateIds` null = every estate of the company, and incidents that belong to no estate. */
  list(input: { companyId: string; estateIds: string[] | null; status: IncidentStatus | null }): Promise<IncidentRow[]> {
    return this.database.prisma.incident.findMany({
      where: {
        companyId: input.companyId,
        ...(input.status === null ? {} : { status: input.status }),
        ...(input.estateIds === null ? {} : { estateId: { in: input.estateIds } }),
      },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
  }

  find(input: { companyId: string; id: string }): Promise<IncidentRow | null> {
    return this.database.prisma.incident.findFirst({ where: { id: input.id, companyId: input.companyId } });
  }

  references(instanceIds: string[]): Promise<{ id: string; reference: string; title: string }[]> {
    if (instanceIds.length === 0) return Promise.resolve([]);
    return this.database.prisma.instance.findMany({
      where: { id: { in: instanceIds } },
      select: { id: true, reference: true, title: true },
    });
  }

  /** Resolves the incident and, when `requeue`, puts its job back in the queue with fresh attempts — atomically. */
  async resolve(input: { companyId: string; id: string; byId: string; now: Date; requeue: boolean }): Promise<boolean> {
    const { rowCount } = await this.database.pool.query(
      `WITH resolved AS (
         UPDATE "Incident" SET status = 'resolved', "resolvedAt" = $3, "resolvedById" = $4
         WHERE id = $1 AND "companyId" = $2 AND status = 'open'
         RETURNING "jobId"
       ), requeued AS (
         UPDATE "Job" SET status = 'pending', attempts = 0, "runAt" = $3, "lockedUntil" = NULL, "finishedAt" = NULL
         WHERE $5 AND id = (SELECT "jobId" FROM resolved) AND status = 'failed'
         RETURNING id
       )
       SELECT 1 FROM resolved`,
      [input.id, input.companyId, input.now, input.byId, input.requeue],
    );
    return (rowCount ?? 0) > 0;
  }

  /** The instance an incident stopped: what reactivating it must check. */
  async stoppedInstance(input: {
    companyId: string;
    instanceId: string;
  }): Promise<{ id: string; status: string; versionId: string; snapshot: unknown; version: number } | null> {
    const result = await this.database.pool.query<{ id: string; status: string; versionId: string; snapshot: unknown; version: number }>(
      'SELECT id, status::text AS status, "versionId", snapshot, version FROM "Instance" WHERE id = $1 AND "companyId" = $2',
      [input.instanceId, input.companyId],
    );
    return result.rows[0] ?? null;
  }

  /**
   * Resolves an incident the event pipeline raised and, in the same statement, takes its instance
   * out of `incident`: back to `active` (its snapshot was found readable again, at the version
   * checked), or `cancelled` with its open tasks and pending timers — logged as an instance event.
   * False when the incident was resolved or the instance changed meanwhile.
   */
  async resolveStoppedInstance(input: {
    companyId: string;
    id: string;
    instanceId: string;
    version: number;
    action: 'reactivate' | 'cancel';
    byId: string;
    byName: string;
    comment: string | null;
    now: Date;
  }): Promise<boolean> {
    const { rows } = await this.database.pool.query<{ resolved: string }>(
      `WITH instance AS (
         UPDATE "Instance"
            SET status = CASE WHEN $5 = 'cancel' THEN 'cancelled'::"InstanceStatus" ELSE 'active'::"InstanceStatus" END,
                version = version + 1, "updatedAt" = $3,
                "completedAt" = CASE WHEN $5 = 'cancel' THEN $3::timestamptz ELSE "completedAt" END
          WHERE id = $6 AND "companyId" = $2 AND version = $7 AND status = 'incident'
            AND EXISTS (SELECT 1 FROM "Incident" WHERE id = $1 AND "companyId" = $2 AND status = 'open')
         RETURNING id, "companyId", version
       ), resolved AS (
         UPDATE "Incident" SET status = 'resolved', "resolvedAt" = $3, "resolvedById" = $4
          WHERE id = $1 AND "companyId" = $2 AND status = 'open' AND EXISTS (SELECT 1 FROM instance)
         RETURNING id
       ), logged AS (
         INSERT INTO "InstanceEvent" ("companyId", "instanceId", seq, type, data, "actorKind", "actorId", "actorName", comment, "createdAt")
         SELECT i."companyId", i.id, i.version, CASE WHEN $5 = 'cancel' THEN 'estateflow.cancelled' ELSE 'estateflow.reactivated' END,
                jsonb_build_object('incidentId', $1::text), 'staff', $4::uuid, $8, $9, $3
           FROM instance i
         RETURNING seq
       ), tasks AS (
         UPDATE "Task" SET status = 'cancelled', "completedAt" = $3
          WHERE $5 = 'cancel' AND "instanceId" IN (SELECT id FROM instance) AND status IN ('open', 'claimed')
         RETURNING id
       ), timers AS (
         UPDATE "Job" SET status = 'cancelled', "finishedAt" = $3, "lastError" = 'instance cancelled from its incident'
          WHERE $5 = 'cancel' AND "instanceId" IN (SELECT id FROM instance) AND kind = 'timer' AND status = 'pending'
         RETURNING id
       )
       SELECT id AS resolved FROM resolved`,
      [input.id, input.companyId, input.now, input.byId, input.action, input.instanceId, input.version, input.byName, input.comment],
    );
    return rows.length > 0;
  }
}
