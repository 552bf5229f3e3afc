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
}
