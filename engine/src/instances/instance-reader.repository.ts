import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { InstanceRecord, StoredResponse } from './instance-record';

// One statement: the instance, its event log (all of it, or only the newest $4 entries), its open
// tasks and (when the caller sent an idempotency key) the response stored for that key. The event
// hot path reads nothing else. Measured choices (docs/performance.md):
// - Every change of version logs exactly one event with seq = the new version, so the log is
//   seq 1…version and the newest $4 entries are those seq numbers: lookups in the unique
//   (instanceId, seq) index, whatever the statistics say. (`ORDER BY seq DESC LIMIT $4` let a
//   generic plan read and sort the instance's whole log; NULL for $4 reads it all.)
// - Rows become JSON with row_to_json (json_agg of a row), which describes the row once, not
//   json_build_object, which inspects every argument of every row: a fifth of the statement.
const READ_INSTANCE = `
SELECT i.id, i."companyId", i."estateId", i."versionId", i."workflowKey", i.reference, i.title, i.status,
       i.snapshot, i."stateValue", i.data, i."slaClocks", i.version, i."unitId", i."requesterPersonId", i."parentInstanceId", i."createdAt", i."updatedAt",
       u.label AS "unitLabel", u."buildingId", p.name AS "requesterName",
       COALESCE((SELECT json_agg(e ORDER BY e.seq)
                   FROM (SELECT l.seq, l.type, l.data, l."actorKind", l."actorId", l."actorName", l.comment, l."createdAt" AS at
                           FROM "InstanceEvent" l
                          WHERE l."instanceId" = i.id AND l.seq = ANY(ARRAY(SELECT generate_series(GREATEST(i.version - $4::int + 1, 1), i.version)))) e),
                 '[]'::json) AS events,
       COALESCE((SELECT json_agg(t ORDER BY t."createdAt")
                   FROM (SELECT o.id, o."stateKey", o.name, o."formKey", o."assigneeRole", o."assigneeUserId",
                                (SELECT s.name FROM "StaffUser" s WHERE s.id = o."assigneeUserId") AS "assigneeUserName",
                                o."assigneePersonId", o.status, o."respondDueAt", o."completeDueAt", o."createdAt"
                           FROM "Task" o WHERE o."instanceId" = i.id AND o.status IN ('open', 'claimed')) t),
                 '[]'::json) AS tasks,
       (SELECT r.response FROM "InstanceEvent" r WHERE r."companyId" = i."companyId" AND r."idempotencyKey" = $3) AS "storedResponse"
  FROM "Instance" i
  LEFT JOIN "Unit" u ON u.id = i."unitId"
  LEFT JOIN "Person" p ON p.id = i."requesterPersonId"
 WHERE i.id = $1 AND ($2::uuid IS NULL OR i."companyId" = $2::uuid)`;

const READ_STORED_RESPONSE = `SELECT response AS "storedResponse" FROM "InstanceEvent" WHERE "companyId" = $1 AND "idempotencyKey" = $2`;

@Injectable()
export class InstanceReaderRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * companyId null: the system's own read (a timer firing), not on behalf of any caller.
   * timelineLimit: how many of the newest log entries to read (all when omitted); the event
   * path needs only the snapshot to step, so it reads a window instead of a log that keeps growing.
   */
  async read(input: {
    companyId: string | null;
    instanceId: string;
    idempotencyKey: string | null;
    timelineLimit?: number;
  }): Promise<InstanceRecord | null> {
    const result = await this.database.pool.query<InstanceRecord>({
      name: 'instance.read',
      text: READ_INSTANCE,
      values: [input.instanceId, input.companyId, input.idempotencyKey, input.timelineLimit ?? null],
    });
    return result.rows[0] ?? null;
  }

  async storedResponse(companyId: string, idempotencyKey: string): Promise<StoredResponse | null> {
    const result = await this.database.pool.query<{ storedResponse: StoredResponse | null }>(READ_STORED_RESPONSE, [
      companyId,
      idempotencyKey,
    ]);
    return result.rows[0]?.storedResponse ?? null;
  }
}
