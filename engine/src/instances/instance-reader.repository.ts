import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { InstanceRecord, StoredResponse } from './instance-record';

// One statement: the instance, its event log (all of it, or only the newest $4 entries), its open
// tasks and (when the caller sent an idempotency key) the response stored for that key. The event
// hot path reads nothing else. Every change of version logs exactly one event with seq = the new
// version, so the log is seq 1…version and the newest $4 entries are the range seq > version − $4:
// an index range scan on (instanceId, seq), whatever the statistics say. (`ORDER BY seq DESC
// LIMIT $4` let a generic plan read and sort the instance's whole log.)
const READ_INSTANCE = `
SELECT i.id, i."companyId", i."estateId", i."versionId", i."workflowKey", i.reference, i.title, i.status,
       i.snapshot, i."stateValue", i.data, i."slaClocks", i.version, i."unitId", i."requesterPersonId", i."parentInstanceId", i."createdAt", i."updatedAt",
       u.label AS "unitLabel", u."buildingId", p.name AS "requesterName",
       COALESCE((SELECT json_agg(json_build_object('seq', e.seq, 'type', e.type, 'data', e.data, 'actorKind', e."actorKind",
                   'actorId', e."actorId", 'actorName', e."actorName", 'comment', e.comment, 'at', e."createdAt") ORDER BY e.seq)
                 FROM "InstanceEvent" e WHERE e."instanceId" = i.id AND e.seq = ANY(ARRAY(SELECT generate_series(GREATEST(i.version - $4::int + 1, 1), i.version)))), '[]'::json) AS events,
       COALESCE((SELECT json_agg(json_build_object('id', t.id, 'stateKey', t."stateKey", 'name', t.name, 'formKey', t."formKey",
                   'assigneeRole', t."assigneeRole", 'assigneeUserId', t."assigneeUserId", 'assigneeUserName', s.name,
                   'assigneePersonId', t."assigneePersonId", 'status', t.status, 'respondDueAt', t."respondDueAt",
                   'completeDueAt', t."completeDueAt", 'createdAt', t."createdAt") ORDER BY t."createdAt")
                 FROM "Task" t LEFT JOIN "StaffUser" s ON s.id = t."assigneeUserId"
                 WHERE t."instanceId" = i.id AND t.status IN ('open', 'claimed')), '[]'::json) AS tasks,
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
