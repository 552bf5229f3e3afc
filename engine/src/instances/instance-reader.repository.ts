import { Injectable } from '@nestjs/common';
import { Coalescer } from '../database/coalescer';
import { DatabaseService } from '../database/database.service';
import { currentTenant, runAsTenant } from '../database/tenant-context';
import type { EventRecord, InstanceRecord, StoredResponse } from './instance-record';
import { EVENT_REPLY_TIMELINE, type KnownRun, NOTHING_KNOWN, RecentEventsCache } from './recent-events.cache';

// One statement for the reads ($1 instance ids, $3 their idempotency keys) made together: each
// instance with its event log (all of it, or only the newest $4 entries) except the entries this
// process already holds (seq $5…$6, RecentEventsCache), its open tasks and (when the caller sent an
// idempotency key) the response stored for that key; `n` is the read's position.
// The event hot path reads nothing else. Measured choices (docs/performance.md):
// - Every change of version logs exactly one event with seq = the new version, so the log is
//   seq 1…version and the newest $4 entries are those seq numbers: lookups in the unique
//   (instanceId, seq) index, whatever the statistics say. (`ORDER BY seq DESC LIMIT $4` let a
//   generic plan read and sort the instance's whole log; NULL for $4 reads it all.)
// - Rows become JSON with row_to_json (json_agg of a row), which describes the row once, not
//   json_build_object, which inspects every argument of every row: a fifth of the statement.
const READ_INSTANCES = `
SELECT k.n::int AS n, i.id, i."companyId", i."estateId", i."versionId", i."workflowKey", i.reference, i.title, i.status,
       i.snapshot, i."stateValue", i.data, i."slaClocks", i.version, i."unitId", i."requesterPersonId", i."parentInstanceId", i."createdAt", i."updatedAt",
       u.label AS "unitLabel", u."buildingId", p.name AS "requesterName", p."phoneCipher" AS "requesterPhoneCipher",
       COALESCE((SELECT json_agg(e ORDER BY e.seq)
                   FROM (SELECT l.seq, l.type, l.data, l."actorKind", l."actorId", l."actorName", l.comment, l."createdAt" AS at
                           FROM "InstanceEvent" l
                          WHERE l."instanceId" = i.id
                            AND l.seq = ANY(ARRAY(SELECT s FROM generate_series(GREATEST(i.version - $4::int + 1, 1), i.version) s
                                                   WHERE s NOT BETWEEN k."knownFirst" AND k."knownLast"))) e),
                 '[]'::json) AS events,
       COALESCE((SELECT json_agg(t ORDER BY t."createdAt")
                   FROM (SELECT o.id, o."stateKey", o.name, o."formKey", o."assigneeRole", o."assigneeUserId",
                                (SELECT s.name FROM "StaffUser" s WHERE s.id = o."assigneeUserId") AS "assigneeUserName",
                                o."assigneePersonId", o.status, o."respondDueAt", o."completeDueAt", o."createdAt"
                           FROM "Task" o WHERE o."instanceId" = i.id AND o.status IN ('open', 'claimed')) t),
                 '[]'::json) AS tasks,
       (SELECT r.response FROM "InstanceEvent" r WHERE r."companyId" = i."companyId" AND r."idempotencyKey" = k.key) AS "storedResponse"
  FROM unnest($1::uuid[], $3::text[], $5::int[], $6::int[]) WITH ORDINALITY AS k(id, key, "knownFirst", "knownLast", n)
  JOIN "Instance" i ON i.id = k.id
  LEFT JOIN "Unit" u ON u.id = i."unitId"
  LEFT JOIN "Person" p ON p.id = i."requesterPersonId"
 WHERE ($2::uuid IS NULL OR i."companyId" = $2::uuid)`;

const READ_STORED_RESPONSE = `SELECT response AS "storedResponse" FROM "InstanceEvent" WHERE "companyId" = $1 AND "idempotencyKey" = $2`;

/**
 * How many event reads, and how many event writes, of one tenant go to PostgreSQL at once; the
 * rest wait for one to come back and go together (docs/performance.md, group commit).
 */
export const EVENT_STATEMENTS_IN_FLIGHT = 2;

/** Instances whose newest log entries a process keeps (≈ 10 × 0.5 KB each). */
const RECENT_INSTANCES = 5_000;

interface ReadRequest {
  instanceId: string;
  idempotencyKey: string | null;
}

interface ReadGroup {
  tenant: string | null;
  companyId: string | null;
  timelineLimit: number | null;
}

@Injectable()
export class InstanceReaderRepository {
  /** Reads made in one turn of the event loop, for one tenant, caller company and window. */
  private readonly reads: Coalescer<ReadRequest, InstanceRecord | null>;
  private readonly recent = new RecentEventsCache(RECENT_INSTANCES, EVENT_REPLY_TIMELINE);

  constructor(private readonly database: DatabaseService) {
    this.reads = new Coalescer((group, requests) => {
      const { tenant, companyId, timelineLimit } = JSON.parse(group) as ReadGroup;
      return runAsTenant(tenant, () => this.readMany({ companyId, timelineLimit, requests }));
    }, EVENT_STATEMENTS_IN_FLIGHT);
  }

  /** The log entries this process holds for an instance are no longer right (RecentEventsCache.forget). */
  forgetRecentEvents(instanceId: string): void {
    this.recent.forget(instanceId);
  }

  /**
   * companyId null: the system's own read (a timer firing), not on behalf of any caller.
   * timelineLimit: how many of the newest log entries to read (all when omitted); the event
   * path needs only the snapshot to step, so it reads a window instead of a log that keeps growing.
   * Concurrent reads (events of many callers arriving together) share one statement.
   */
  read(input: {
    companyId: string | null;
    instanceId: string;
    idempotencyKey: string | null;
    timelineLimit?: number;
  }): Promise<InstanceRecord | null> {
    const group: ReadGroup = { tenant: currentTenant(), companyId: input.companyId, timelineLimit: input.timelineLimit ?? null };
    return this.reads.load(JSON.stringify(group), { instanceId: input.instanceId, idempotencyKey: input.idempotencyKey });
  }

  /** A log entry this process has just committed: the next read of the instance need not fetch it. */
  written(instanceId: string, entry: EventRecord): void {
    this.recent.written(instanceId, entry);
  }

  private async readMany(input: {
    companyId: string | null;
    timelineLimit: number | null;
    requests: ReadRequest[];
  }): Promise<(InstanceRecord | null)[]> {
    const known: KnownRun[] = input.requests.map((request) => this.recent.known(request.instanceId));
    const { rows } = await this.database.eventPool.query<InstanceRecord & { n: number }>({
      name: 'instance.read',
      text: READ_INSTANCES,
      values: [
        input.requests.map((request) => request.instanceId),
        input.companyId,
        input.requests.map((request) => request.idempotencyKey),
        input.timelineLimit,
        known.map((run) => run.first),
        known.map((run) => run.last),
      ],
    });
    const byPosition = new Map(rows.map(({ n, ...record }) => [n, record]));
    return input.requests.map((request, index) => {
      const record = byPosition.get(index + 1);
      if (record === undefined) return null;
      const from = input.timelineLimit === null ? 1 : Math.max(record.version - input.timelineLimit + 1, 1);
      const events = this.recent.merge(request.instanceId, known[index] ?? NOTHING_KNOWN, record.events, { from, to: record.version });
      return { ...record, events };
    });
  }

  async storedResponse(companyId: string, idempotencyKey: string): Promise<StoredResponse | null> {
    const result = await this.database.pool.query<{ storedResponse: StoredResponse | null }>(READ_STORED_RESPONSE, [
      companyId,
      idempotencyKey,
    ]);
    return result.rows[0]?.storedResponse ?? null;
  }
}
