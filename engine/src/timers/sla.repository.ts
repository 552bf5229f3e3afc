import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';

// How many deadlines of an open task have passed: the respond deadline counts while the task was
// not claimed before it, the complete deadline once it is past.
const BREACHES = `(CASE WHEN t."respondDueAt" <= $1 AND (t."claimedAt" IS NULL OR t."claimedAt" > t."respondDueAt") THEN 1 ELSE 0 END
                 + CASE WHEN t."completeDueAt" <= $1 THEN 1 ELSE 0 END)`;

const RAISE_ESCALATIONS = `
WITH due AS (
  SELECT t.id, t."escalationLevel" AS level, ${BREACHES} AS breaches
  FROM "Task" t
  WHERE t.status IN ('open', 'claimed') AND t."escalationLevel" < 2
    AND (t."respondDueAt" <= $1 OR t."completeDueAt" <= $1)
    AND ${BREACHES} > t."escalationLevel"
  ORDER BY t.id
  LIMIT $2
  FOR UPDATE OF t SKIP LOCKED
), raised AS (
  UPDATE "Task" t SET "escalationLevel" = due.breaches
  FROM due WHERE t.id = due.id
  RETURNING t.id, t."companyId", t."estateId", t."instanceId", t."stateKey", due.level AS "fromLevel", due.breaches AS "toLevel"
)
INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey", "runAt")
SELECT r."companyId", r."instanceId", 'escalate',
       jsonb_build_object('instanceId', r."instanceId", 'estateId', r."estateId", 'taskId', r.id, 'stateKey', r."stateKey", 'level', level),
       'sla:' || r.id || ':' || level, $1
FROM raised r CROSS JOIN LATERAL generate_series(r."fromLevel" + 1, r."toLevel") AS level
ON CONFLICT ("dedupeKey") DO NOTHING`;

/** SLA breaches on task rows: found, counted on the task, and turned into escalate jobs — in one statement. */
@Injectable()
export class SlaRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly owner: OwnerDatabase,
  ) {}

  /** Returns how many escalations were enqueued. */
  async raiseEscalations(input: { now: Date; limit: number }): Promise<number> {
    // Owner: the sweep finds passed deadlines in every company in one statement; it only counts them
    // on the task and enqueues escalate jobs, which then run as their company.
    const { rowCount } = await this.owner.pool.query(RAISE_ESCALATIONS, [input.now, input.limit]);
    return rowCount ?? 0;
  }

  async openTask(input: { companyId: string; taskId: string; now: Date }): Promise<{ stateKey: string; respondBreached: boolean } | null> {
    const { rows } = await this.database.pool.query<{ stateKey: string; respondBreached: boolean }>(
      `SELECT "stateKey", ("respondDueAt" IS NOT NULL AND ("claimedAt" IS NULL OR "claimedAt" > "respondDueAt") AND "respondDueAt" <= $3) AS "respondBreached"
       FROM "Task" WHERE id = $1 AND "companyId" = $2 AND status IN ('open', 'claimed')`,
      [input.taskId, input.companyId, input.now],
    );
    return rows[0] ?? null;
  }
}
