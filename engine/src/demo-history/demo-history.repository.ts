import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';

/**
 * Moves a request that was just run through the engine back to when it happened. `moments` gives
 * the moment of each log entry (by `seq`); every time the engine wrote for the request — the
 * instance's, its log's, its tasks' (and their deadlines, which keep their distance from the
 * task), its attachments' and notifications', its pending timers' — is moved by as much as the
 * log entry it was written with (the last entry at or before it). The reference is given the date
 * it was filed on, so that a July request does not read like today's, and the snapshot's start time
 * the moment of the start: its log, replayed, still gives its snapshot (RELIABILITY 8).
 */
const MOVE = `
WITH moments AS (
  SELECT e."createdAt" AS was, m.at AS becomes
    FROM jsonb_to_recordset($2::jsonb) AS m(seq int, at timestamptz)
    JOIN "InstanceEvent" e ON e."instanceId" = $1 AND e.seq = m.seq
), shift AS (
  SELECT x.at, (SELECT m.becomes - m.was FROM moments m WHERE m.was <= x.at ORDER BY m.was DESC LIMIT 1) AS by
    FROM (SELECT "createdAt" AS at FROM "Task" WHERE "instanceId" = $1
          UNION SELECT "claimedAt" FROM "Task" WHERE "instanceId" = $1 AND "claimedAt" IS NOT NULL
          UNION SELECT "completedAt" FROM "Task" WHERE "instanceId" = $1 AND "completedAt" IS NOT NULL
          UNION SELECT "createdAt" FROM "Instance" WHERE id = $1
          UNION SELECT "updatedAt" FROM "Instance" WHERE id = $1
          UNION SELECT "completedAt" FROM "Instance" WHERE id = $1 AND "completedAt" IS NOT NULL
          UNION SELECT "createdAt" FROM "Attachment" WHERE "instanceId" = $1
          UNION SELECT "createdAt" FROM "Notification" WHERE "instanceId" = $1) AS x
), last AS (
  SELECT m.becomes - m.was AS by FROM moments m ORDER BY m.was DESC LIMIT 1
), events AS (
  UPDATE "InstanceEvent" e SET "createdAt" = m.at
    FROM jsonb_to_recordset($2::jsonb) AS m(seq int, at timestamptz)
   WHERE e."instanceId" = $1 AND e.seq = m.seq
  RETURNING e.seq
), tasks AS (
  UPDATE "Task" t SET "createdAt" = t."createdAt" + c.by,
                      "claimedAt" = t."claimedAt" + (SELECT by FROM shift WHERE at = t."claimedAt"),
                      "completedAt" = t."completedAt" + (SELECT by FROM shift WHERE at = t."completedAt"),
                      "respondDueAt" = t."respondDueAt" + c.by,
                      "completeDueAt" = t."completeDueAt" + c.by
    FROM shift c
   WHERE t."instanceId" = $1 AND c.at = t."createdAt"
  RETURNING t.id
), attachments AS (
  UPDATE "Attachment" a SET "createdAt" = a."createdAt" + s.by FROM shift s WHERE a."instanceId" = $1 AND s.at = a."createdAt" RETURNING a.id
), notifications AS (
  UPDATE "Notification" n SET "createdAt" = n."createdAt" + s.by FROM shift s WHERE n."instanceId" = $1 AND s.at = n."createdAt" RETURNING n.id
), timers AS (
  UPDATE "Job" j SET "runAt" = j."runAt" + (SELECT by FROM last) WHERE j."instanceId" = $1 AND j.status = 'pending' AND j.kind = 'timer' RETURNING j.id
)
UPDATE "Instance" i
   SET "createdAt" = i."createdAt" + (SELECT by FROM shift WHERE at = i."createdAt"),
       "updatedAt" = i."updatedAt" + (SELECT by FROM shift WHERE at = i."updatedAt"),
       "completedAt" = i."completedAt" + (SELECT by FROM shift WHERE at = i."completedAt"),
       reference = $3,
       "searchText" = replace(i."searchText", lower(i.reference), lower($3)),
       snapshot = jsonb_set(
         CASE WHEN i.snapshot #> '{context,instance,reference}' IS NULL THEN i.snapshot
              ELSE jsonb_set(i.snapshot, '{context,instance,reference}', to_jsonb($3::text)) END,
         '{context,startedAt}',
         to_jsonb((SELECT (extract(epoch FROM m.at) * 1000)::bigint FROM jsonb_to_recordset($2::jsonb) AS m(seq int, at timestamptz) WHERE m.seq = 1)))
 WHERE i.id = $1`;

/**
 * The side effects of past requests were delivered back then: what is still waiting (notifications,
 * escalations, webhooks — not timers) is not sent now, and what was already delivered reads as read,
 * from when its request last changed. $2: how many are still being delivered (wait, then call again).
 */
const SETTLE = `
WITH cancelled AS (
  UPDATE "Job" SET status = 'cancelled', "lastError" = 'demo history: delivered back then'
   WHERE "instanceId" = ANY($1::uuid[]) AND status = 'pending' AND kind <> 'timer'
  RETURNING id
), read AS (
  UPDATE "Notification" n SET "readAt" = coalesce(n."readAt", i."updatedAt"), "createdAt" = least(n."createdAt", i."updatedAt")
    FROM "Instance" i
   WHERE i.id = n."instanceId" AND n."instanceId" = ANY($1::uuid[])
  RETURNING n.id
)
SELECT count(*)::int AS running FROM "Job" WHERE "instanceId" = ANY($1::uuid[]) AND status = 'running' AND kind <> 'timer'`;

/**
 * An estate as the history needs it: its time zone, the workflows bound there,
 * and each unit (at most 300) with the person who files for it — its owner, else a tenant; null
 * when nobody lives there.
 */
const ESTATE = `
SELECT e.timezone,
       ARRAY(SELECT b."workflowKey" FROM "EstateBinding" b WHERE b."estateId" = e.id) AS bound,
       coalesce((SELECT jsonb_agg(jsonb_build_object('id', u.id, 'person',
                   (SELECT r."personId" FROM "Residency" r WHERE r."unitId" = u.id AND r."endedAt" IS NULL ORDER BY r.kind LIMIT 1))
                 ORDER BY u.label)
                   FROM (SELECT * FROM "Unit" WHERE "estateId" = e.id ORDER BY label LIMIT 300) u), '[]') AS units
  FROM "Estate" e WHERE e.id = $1`;

export interface HistoryEstate {
  timezone: string;
  bound: string[];
  units: { id: string; person: string | null }[];
}

/** The demo history's statements: what an estate offers, and moving requests back to when they happened. */
@Injectable()
export class DemoHistoryRepository {
  constructor(private readonly database: DatabaseService) {}

  async estate(estateId: string): Promise<HistoryEstate | null> {
    const { rows } = await this.database.pool.query<HistoryEstate>(ESTATE, [estateId]);
    return rows[0] ?? null;
  }

  /** SETTLE for these requests; returns how many of their deliveries are still running. */
  async settle(instanceIds: string[]): Promise<number> {
    const { rows } = await this.database.pool.query<{ running: number }>(SETTLE, [instanceIds]);
    return rows[0]?.running ?? 0;
  }

  async move(input: { instanceId: string; moments: { seq: number; at: Date }[]; reference: string }): Promise<void> {
    await this.database.pool.query(MOVE, [input.instanceId, JSON.stringify(input.moments), input.reference]);
  }
}
