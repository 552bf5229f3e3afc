import { Injectable } from '@nestjs/common';
import { OwnerDatabase } from '../database/owner-database.service';

/** Work waiting and running, per job kind, and how long the oldest due job has waited. */
const JOBS = `
SELECT kind, status::text AS status, count(*)::int AS "count",
       coalesce(extract(epoch FROM now() - min("runAt") FILTER (WHERE status = 'pending' AND "runAt" <= now())), 0)::float8 AS "oldestDueSeconds"
FROM "Job" WHERE status IN ('pending', 'running') GROUP BY kind, status`;

const OPEN_INCIDENTS = `SELECT kind, count(*)::int AS "count" FROM "Incident" WHERE status = 'open' GROUP BY kind`;

export interface JobFigures {
  kind: string;
  status: 'pending' | 'running';
  count: number;
  oldestDueSeconds: number;
}

/**
 * What the metrics read from the database, on each scrape. Owner: the figures are the whole
 * installation's (counts by kind, never a company, an id or a name), so they cross companies.
 */
@Injectable()
export class MetricsRepository {
  constructor(private readonly owner: OwnerDatabase) {}

  async jobs(): Promise<JobFigures[]> {
    return (await this.owner.pool.query<JobFigures>(JOBS)).rows;
  }

  async openIncidents(): Promise<{ kind: string; count: number }[]> {
    return (await this.owner.pool.query<{ kind: string; count: number }>(OPEN_INCIDENTS)).rows;
  }
}
