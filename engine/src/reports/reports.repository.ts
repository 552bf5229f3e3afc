import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { InstanceStatus } from '../generated/prisma/enums';
import type { ReportFigures } from './report.types';

/** Which requests a report covers: created in the period, by each estate's own local date. */
export interface ReportScope {
  companyId: string;
  estateIds: string[];
  from: string;
  to: string;
  workflowKey: string | null;
  /** Where each covered version keeps its satisfaction score (ratingFieldNames). */
  ratingFields: { versionId: string; field: string }[];
  /** Deadlines still open count as missed once this moment is past them. */
  now: Date;
}

/**
 * One aggregate row: the whole scope (`workflowKey` and `estateId` null), one workflow, or one
 * estate; the shares are left to the service, from `satisfied` and the counts.
 */
export type FiguresRow = Omit<ReportFigures, 'onTimeRate' | 'satisfiedShare'> & {
  grouping: 'total' | 'workflow' | 'estate';
  workflowKey: string | null;
  estateId: string | null;
  /** A version of the workflow, to read its name. */
  versionId: string | null;
  /** Rated 4 or 5. */
  satisfied: number;
};

export interface RepeatFaultRow {
  estateId: string;
  unitId: string;
  unitLabel: string;
  workflowKey: string;
  versionId: string;
  category: string | null;
  count: number;
  requests: { id: string; reference: string }[];
}

/** One request of the period with its measured figures: a line of the export. */
export interface RequestRow {
  reference: string;
  title: string;
  workflowKey: string;
  versionId: string;
  estateName: string;
  /** The estate's time zone, for the times of the export. */
  timezone: string;
  unitLabel: string | null;
  category: string | null;
  status: InstanceStatus;
  stateValue: string;
  createdAt: Date;
  completedAt: Date | null;
  responseMinutes: number | null;
  completionHours: number | null;
  tasksWithSla: number;
  slaBreached: number;
  rating: number | null;
}

/** The most a single export holds; a longer list asks for a shorter period. */
export const MAX_EXPORT_ROWS = 20_000;

/**
 * Where each covered estate's period begins and ends, as instants: its local midnights ($1
 * company, $2 estates, $3–$4 local dates). Requests are then selected by plain ranges on
 * `createdAt`, with no time-zone arithmetic per row.
 */
const BOUNDS = `
bounds AS (
  SELECT e.id AS "estateId", ($3::date::timestamp AT TIME ZONE e.timezone) AS from_at, (($4::date + 1)::timestamp AT TIME ZONE e.timezone) AS to_at
    FROM "Estate" e
   WHERE e."companyId" = $1 AND e.id = ANY($2::uuid[])
)`;

/** The requests created in the period ($5: one workflow, or null for all). */
const SCOPED = `
WITH ${BOUNDS}, scoped AS (
  SELECT i.id, i."estateId", i."workflowKey", i."versionId", i.status, i."stateValue", i.reference, i.title,
         i."createdAt", i."completedAt", i."unitId", i.data->>'category' AS category
    FROM bounds b
    JOIN "Instance" i ON i."companyId" = $1 AND i."estateId" = b."estateId" AND i."createdAt" >= b.from_at AND i."createdAt" < b.to_at
   WHERE $5::text IS NULL OR i."workflowKey" = $5
)`;

/**
 * Each request of SCOPED with what it measured ($6 rating fields, $7 now):
 * - response: creation → the first staff task claimed or done;
 * - completion: creation → completion, for completed requests;
 * - SLA: its staff tasks with a deadline (cancelled ones aside), and those that missed one —
 *   claimed or done after the respond deadline, done after the complete deadline, or still open
 *   past either (escalation counts the same way, docs/jobs.md);
 * - rating: the latest score given in a rating field (an event's form data is its `data`).
 */
const FACTS = `${SCOPED}, staff_tasks AS (
  SELECT t."instanceId",
         min(coalesce(t."claimedAt", t."completedAt")) AS responded_at,
         count(*) FILTER (WHERE t.status <> 'cancelled' AND (t."respondDueAt" IS NOT NULL OR t."completeDueAt" IS NOT NULL)) AS with_sla,
         count(*) FILTER (WHERE t.status <> 'cancelled' AND (
           coalesce(t."claimedAt", t."completedAt", $7::timestamptz) > t."respondDueAt"
           OR coalesce(t."completedAt", $7::timestamptz) > t."completeDueAt")) AS breached
    FROM "Task" t
    JOIN scoped s ON s.id = t."instanceId"
   WHERE t."companyId" = $1 AND t."assigneePersonId" IS NULL
   GROUP BY t."instanceId"
), ratings AS (
  SELECT DISTINCT ON (ev."instanceId") ev."instanceId", (ev.data->'data'->>f.field)::numeric AS rating
    FROM scoped s
    JOIN jsonb_to_recordset($6::jsonb) AS f("versionId" uuid, field text) ON f."versionId" = s."versionId"
    JOIN "InstanceEvent" ev ON ev."instanceId" = s.id AND jsonb_typeof(ev.data->'data'->f.field) = 'number'
   WHERE ev."companyId" = $1
   ORDER BY ev."instanceId", ev.seq DESC
), facts AS (
  SELECT s.*,
         extract(epoch FROM st.responded_at - s."createdAt") / 60 AS response_minutes,
         CASE WHEN s.status = 'completed' THEN extract(epoch FROM s."completedAt" - s."createdAt") / 3600 END AS completion_hours,
         coalesce(st.with_sla, 0) AS with_sla,
         coalesce(st.breached, 0) AS breached,
         r.rating
    FROM scoped s
    LEFT JOIN staff_tasks st ON st."instanceId" = s.id
    LEFT JOIN ratings r ON r."instanceId" = s.id
)`;

const FIGURES = `${FACTS}
SELECT CASE WHEN GROUPING("workflowKey") = 0 THEN 'workflow' WHEN GROUPING("estateId") = 0 THEN 'estate' ELSE 'total' END AS grouping,
       "workflowKey", "estateId", (max("versionId"::text))::uuid AS "versionId",
       count(*)::int AS created,
       count(*) FILTER (WHERE status = 'completed')::int AS completed,
       count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
       count(*) FILTER (WHERE status IN ('active', 'incident'))::int AS open,
       avg(response_minutes)::float8 AS "averageResponseMinutes",
       avg(completion_hours)::float8 AS "averageCompletionHours",
       sum(with_sla)::int AS "tasksWithSla",
       sum(breached)::int AS "slaBreached",
       count(rating)::int AS rated,
       avg(rating)::float8 AS "averageRating",
       count(*) FILTER (WHERE rating >= 4)::int AS satisfied
  FROM facts
 GROUP BY GROUPING SETS ((), ("workflowKey"), ("estateId"))`;

const VERSIONS = `${SCOPED}
SELECT DISTINCT "versionId" FROM scoped`;

const REPEAT_FAULTS = `${SCOPED}
SELECT f."estateId", f."unitId", u.label AS "unitLabel", f."workflowKey", (max(f."versionId"::text))::uuid AS "versionId", f.category,
       count(*)::int AS count, to_json((array_agg(json_build_object('id', f.id, 'reference', f.reference) ORDER BY f."createdAt" DESC))[1:10]) AS requests
  FROM scoped f
  JOIN "Unit" u ON u.id = f."unitId"
 WHERE f.status <> 'cancelled'
 GROUP BY f."estateId", f."unitId", u.label, f."workflowKey", f.category
HAVING count(*) >= 2
 ORDER BY count(*) DESC, max(f."createdAt") DESC
 LIMIT 20`;

const REQUESTS = `${FACTS}
SELECT f.reference, f.title, f."workflowKey", f."versionId", e.name AS "estateName", e.timezone, u.label AS "unitLabel", f.category,
       f.status, f."stateValue", f."createdAt", f."completedAt",
       f.response_minutes::float8 AS "responseMinutes", f.completion_hours::float8 AS "completionHours",
       f.with_sla::int AS "tasksWithSla", f.breached::int AS "slaBreached", f.rating::float8 AS rating
  FROM facts f
  JOIN "Estate" e ON e.id = f."estateId"
  LEFT JOIN "Unit" u ON u.id = f."unitId"
 ORDER BY f."createdAt", f.reference
 LIMIT $8`;

/**
 * Requests created, and requests completed, in each local month of the trend ($3 its first day,
 * $4 its last): each estate's month starts as instants, and a row's month found among them
 * (`width_bucket`, a binary search) rather than by converting every row to local time.
 */
const TREND = `
WITH ${BOUNDS}, edges AS (
  SELECT b."estateId", b.to_at,
         array_agg((month::timestamp AT TIME ZONE e.timezone) ORDER BY month) AS starts
    FROM bounds b
    JOIN "Estate" e ON e.id = b."estateId"
   CROSS JOIN generate_series($3::date, $4::date, interval '1 month') AS month
   GROUP BY b."estateId", b.to_at
)
SELECT 'created' AS kind, width_bucket(i."createdAt", x.starts) AS month, count(*)::int AS count
  FROM edges x
  JOIN "Instance" i ON i."companyId" = $1 AND i."estateId" = x."estateId" AND i."createdAt" >= x.starts[1] AND i."createdAt" < x.to_at
 WHERE $5::text IS NULL OR i."workflowKey" = $5
 GROUP BY 2
UNION ALL
SELECT 'completed', width_bucket(i."completedAt", x.starts), count(*)::int
  FROM edges x
  JOIN "Instance" i ON i."companyId" = $1 AND i."estateId" = x."estateId" AND i."completedAt" >= x.starts[1] AND i."completedAt" < x.to_at
 WHERE i.status = 'completed' AND ($5::text IS NULL OR i."workflowKey" = $5)
 GROUP BY 2`;

/** The parameters of SCOPED. */
function scopeValues(scope: Omit<ReportScope, 'ratingFields' | 'now'>): unknown[] {
  return [scope.companyId, scope.estateIds, scope.from, scope.to, scope.workflowKey];
}

/** The parameters of FACTS. */
function factsValues(scope: ReportScope): unknown[] {
  return [...scopeValues(scope), JSON.stringify(scope.ratingFields), scope.now];
}

/** An estate a report covers: its name, the zone its dates are in, the rating it aims for. */
export interface ReportEstate {
  id: string;
  name: string;
  timezone: string;
  satisfactionTarget: number;
}

/** The report's statements: every figure computed by PostgreSQL, under the caller's company (RLS). */
@Injectable()
export class ReportsRepository {
  constructor(private readonly database: DatabaseService) {}

  async estates(input: { companyId: string; ids: string[] | null }): Promise<ReportEstate[]> {
    return this.database.prisma.estate.findMany({
      where: { companyId: input.companyId, ...(input.ids === null ? {} : { id: { in: input.ids } }) },
      select: { id: true, name: true, timezone: true, satisfactionTarget: true },
      orderBy: { name: 'asc' },
    });
  }

  /** The definition versions the requests of the scope run on. */
  async versions(scope: Omit<ReportScope, 'ratingFields' | 'now'>): Promise<{ versionId: string }[]> {
    const { rows } = await this.database.pool.query<{ versionId: string }>(VERSIONS, scopeValues(scope));
    return rows;
  }

  async figures(scope: ReportScope): Promise<FiguresRow[]> {
    const { rows } = await this.database.pool.query<FiguresRow>(FIGURES, factsValues(scope));
    return rows;
  }

  async repeatFaults(scope: Omit<ReportScope, 'ratingFields' | 'now'>): Promise<RepeatFaultRow[]> {
    const { rows } = await this.database.pool.query<RepeatFaultRow>(REPEAT_FAULTS, scopeValues(scope));
    return rows;
  }

  /** At most `limit` requests, oldest first. */
  async requests(scope: ReportScope, limit: number): Promise<RequestRow[]> {
    const { rows } = await this.database.pool.query<RequestRow>(REQUESTS, [...factsValues(scope), limit]);
    return rows;
  }

  /** Counts by the month's place in the trend: 1 for the month `from` is in, and so on. */
  async trend(
    scope: Omit<ReportScope, 'ratingFields' | 'now'>,
  ): Promise<{ kind: 'created' | 'completed'; month: number; count: number }[]> {
    const { rows } = await this.database.pool.query<{ kind: 'created' | 'completed'; month: number; count: number }>(
      TREND,
      scopeValues(scope),
    );
    return rows;
  }
}
