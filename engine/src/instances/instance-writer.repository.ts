import { Injectable } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { DatabaseService } from '../database/database.service';
import type { InstanceStatus, PrincipalKind, StaffRole, TaskStatus } from '../generated/prisma/enums';

/** A Task row the new state implies. */
export interface NewTaskRow {
  id: string;
  stateKey: string;
  name: { 'zh-CN': string; en?: string };
  formKey: string | null;
  assigneeRole: StaffRole | null;
  assigneeUserId: string | null;
  assigneePersonId: string | null;
  respondDueAt: string | null;
  completeDueAt: string | null;
  buildingId: string | null;
  category: string | null;
}

/** A task whose state was left. */
export interface ClosedTaskRow {
  id: string;
  status: Extract<TaskStatus, 'done' | 'cancelled'>;
  completedById: string | null;
}

/** An outbox row: a timer or a side effect for the workers. */
export interface JobRow {
  kind: 'timer' | 'notify' | 'webhook' | 'start_child' | 'escalate' | 'child_completed' | 'register_resident';
  payload: Record<string, unknown>;
  dedupeKey: string;
  runAt: string;
}

/** The event as the log records it. */
export interface EventRow {
  type: string;
  data: Record<string, unknown>;
  actorKind: PrincipalKind;
  actorId: string | null;
  actorName: string | null;
  comment: string | null;
  idempotencyKey: string | null;
  /** Stored only with an idempotency key: the reply every retry gets. */
  response: { status: number; body: unknown } | null;
}

/** Everything one event (or a start) changes, written by one statement. */
export interface InstanceWrite {
  snapshot: unknown;
  stateValue: string;
  status: InstanceStatus;
  data: Record<string, unknown>;
  at: string;
  event: EventRow;
  closedTasks: ClosedTaskRow[];
  newTasks: NewTaskRow[];
  cancelTimerIds: string[];
  jobs: JobRow[];
  /** Instance.slaClocks after the event (null: no paused SLA clock). */
  slaClocks: unknown;
}

export type WriteOutcome = { kind: 'written'; version: number } | { kind: 'stale' } | { kind: 'duplicateKey' };

// The task and job inserts shared by the event and the start statements; `target` is the CTE
// holding the instance row (id, estateId, workflowKey, version). Parameters from `first`: at,
// closed tasks, new tasks, jobs and — only in the variant that cancels timers — the timer ids.
const TASKS_AND_JOBS = (target: string, first: number, cancelsTimers: boolean) => `
closed_tasks AS (
  UPDATE "Task" t SET status = c.status, "completedAt" = $${first}, "completedById" = c."completedById"
    FROM jsonb_to_recordset($${first + 1}::jsonb) AS c(id uuid, status "TaskStatus", "completedById" uuid), ${target} w
   WHERE t.id = c.id AND t."instanceId" = w.id
  RETURNING t.id
), opened_tasks AS (
  INSERT INTO "Task" (id, "companyId", "estateId", "instanceId", "stateKey", name, "formKey", "assigneeRole", "assigneeUserId",
                      "assigneePersonId", status, "respondDueAt", "completeDueAt", "workflowKey", "buildingId", category, "createdAt")
  SELECT n.id, w."companyId", w."estateId", w.id, n."stateKey", n.name, n."formKey", n."assigneeRole", n."assigneeUserId",
         n."assigneePersonId", 'open', n."respondDueAt", n."completeDueAt", w."workflowKey", n."buildingId", n.category, $${first}
    FROM jsonb_to_recordset($${first + 2}::jsonb) AS n(id uuid, "stateKey" text, name jsonb, "formKey" text, "assigneeRole" "StaffRole",
         "assigneeUserId" uuid, "assigneePersonId" uuid, "respondDueAt" timestamptz, "completeDueAt" timestamptz, "buildingId" uuid, category text),
         ${target} w
  RETURNING id
), jobs AS (
  INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey", "runAt")
  SELECT w."companyId", w.id, j.kind, j.payload, j."dedupeKey", j."runAt"
    FROM jsonb_to_recordset($${first + 3}::jsonb) AS j(kind text, payload jsonb, "dedupeKey" text, "runAt" timestamptz), ${target} w
  ON CONFLICT ("dedupeKey") DO NOTHING
  RETURNING id
)${
  cancelsTimers
    ? `, cancelled_timers AS (
  UPDATE "Job" j SET status = 'cancelled', "finishedAt" = $${first}
    FROM ${target} w
   WHERE j."instanceId" = w.id AND j.kind = 'timer' AND j.status = 'pending' AND j.payload->>'timerId' = ANY($${first + 4}::text[])
  RETURNING j.id
)`
    : ''
}`;

const EVENT_LOG = (target: string, first: number) => `
logged AS (
  INSERT INTO "InstanceEvent" ("companyId", "instanceId", seq, type, data, "actorKind", "actorId", "actorName", comment, "idempotencyKey", response, "createdAt")
  SELECT w."companyId", w.id, w.version, $${first}, $${first + 1}::jsonb, $${first + 2}::"PrincipalKind", $${first + 3}::uuid, $${first + 4},
         $${first + 5}, $${first + 6}, $${first + 7}::jsonb, $${first + 8}
    FROM ${target} w
  RETURNING seq
)`;

// One event: everything gated on the version the caller read (optimistic concurrency). Two texts,
// so that each keeps one generic plan: most events cancel no timer, and a statement with an
// optional timer scan was planned afresh on every call (a custom plan that left the scan out
// always looked cheaper than the generic one that kept it) — a quarter of the statement's cost.
const APPLY_EVENT = (cancelsTimers: boolean) => `
WITH written AS (
  UPDATE "Instance"
     SET snapshot = $4::jsonb, "stateValue" = $5, status = $6::"InstanceStatus", data = $7::jsonb, version = version + 1, "updatedAt" = $8, "slaClocks" = $9::jsonb,
         "completedAt" = CASE WHEN $6::"InstanceStatus" IN ('completed', 'cancelled') THEN $8::timestamptz ELSE "completedAt" END
   WHERE id = $1 AND "companyId" = $2 AND version = $3 AND status = 'active'
  RETURNING id, "companyId", "estateId", "workflowKey", version
), ${EVENT_LOG('written', 10)}, ${TASKS_AND_JOBS('written', 19, cancelsTimers)}
SELECT (SELECT version FROM written) AS version`;

const APPLY_EVENT_STATEMENTS = {
  plain: { name: 'instance.apply-event', text: APPLY_EVENT(false) },
  cancellingTimers: { name: 'instance.apply-event-cancelling-timers', text: APPLY_EVENT(true) },
};

// A start: the instance row (version 1), its start event, its first tasks and effects (a new
// instance has no timer to cancel).
const START_INSTANCE = `
WITH written AS (
  INSERT INTO "Instance" (id, "companyId", "estateId", "versionId", "workflowKey", reference, title, status, snapshot, "stateValue", data, version,
                          "unitId", "requesterPersonId", "parentInstanceId", "createdByKind", "createdById", "searchText", "createdAt", "updatedAt")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::"InstanceStatus", $9::jsonb, $10, $11::jsonb, 1, $12::uuid, $13::uuid, $14::uuid, $15::"PrincipalKind", $16::uuid, $17, $18, $18)
  RETURNING id, "companyId", "estateId", "workflowKey", version
), ${EVENT_LOG('written', 19)}, ${TASKS_AND_JOBS('written', 28, false)}
SELECT (SELECT version FROM written) AS version`;

const FLAG_INCIDENT = `
WITH flagged AS (
  UPDATE "Instance" SET status = 'incident', "updatedAt" = now()
   WHERE id = $1 AND "companyId" = $2 AND status <> 'incident'
  RETURNING id, "companyId", "estateId"
)
INSERT INTO "Incident" (id, "companyId", "estateId", "instanceId", kind, message)
SELECT gen_random_uuid(), f."companyId", f."estateId", f.id, $3, $4 FROM flagged f`;

const NEXT_REFERENCE_NUMBER = `
INSERT INTO "ReferenceCounter" ("companyId", prefix, day, value) VALUES ($1, $2, $3, 1)
ON CONFLICT ("companyId", prefix, day) DO UPDATE SET value = "ReferenceCounter".value + 1
RETURNING value`;

function isDuplicateIdempotencyKey(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === '23505' && error.constraint === 'InstanceEvent_companyId_idempotencyKey_key';
}

function eventValues(write: InstanceWrite): unknown[] {
  const { event } = write;
  return [
    event.type,
    JSON.stringify(event.data),
    event.actorKind,
    event.actorId,
    event.actorName,
    event.comment,
    event.idempotencyKey,
    event.response === null ? null : JSON.stringify(event.response),
    write.at,
  ];
}

function taskAndJobValues(write: InstanceWrite): unknown[] {
  return [write.at, JSON.stringify(write.closedTasks), JSON.stringify(write.newTasks), JSON.stringify(write.jobs)];
}

/**
 * The event hot path's single write (DESIGN.md "How an event runs"): snapshot + version,
 * event log, task rows and outbox rows in one data-modifying statement via `pg`, so that they
 * commit together or not at all. No interactive transaction, one round trip. The event path's
 * statements are named (prepared once per connection): planning this CTE cost PostgreSQL about as
 * much as running it (docs/performance.md).
 */
@Injectable()
export class InstanceWriterRepository {
  constructor(private readonly database: DatabaseService) {}

  async applyEvent(input: { companyId: string; instanceId: string; expectedVersion: number; write: InstanceWrite }): Promise<WriteOutcome> {
    const { write } = input;
    const values = [
      input.instanceId,
      input.companyId,
      input.expectedVersion,
      JSON.stringify(write.snapshot),
      write.stateValue,
      write.status,
      JSON.stringify(write.data),
      write.at,
      write.slaClocks === null ? null : JSON.stringify(write.slaClocks),
      ...eventValues(write),
      ...taskAndJobValues(write),
    ];
    const cancelsTimers = write.cancelTimerIds.length > 0;
    if (cancelsTimers) values.push(write.cancelTimerIds);
    const statement = cancelsTimers ? APPLY_EVENT_STATEMENTS.cancellingTimers : APPLY_EVENT_STATEMENTS.plain;
    try {
      const result = await this.database.eventPool.query<{ version: number | null }>({ ...statement, values });
      const version = result.rows[0]?.version ?? null;
      return version === null ? { kind: 'stale' } : { kind: 'written', version };
    } catch (error) {
      if (isDuplicateIdempotencyKey(error)) return { kind: 'duplicateKey' };
      throw error;
    }
  }

  async startInstance(input: {
    id: string;
    companyId: string;
    estateId: string;
    versionId: string;
    workflowKey: string;
    reference: string;
    title: string;
    unitId: string | null;
    requesterPersonId: string | null;
    parentInstanceId: string | null;
    createdByKind: PrincipalKind;
    createdById: string | null;
    searchText: string;
    write: InstanceWrite;
  }): Promise<WriteOutcome> {
    const { write } = input;
    const values = [
      input.id,
      input.companyId,
      input.estateId,
      input.versionId,
      input.workflowKey,
      input.reference,
      input.title,
      write.status,
      JSON.stringify(write.snapshot),
      write.stateValue,
      JSON.stringify(write.data),
      input.unitId,
      input.requesterPersonId,
      input.parentInstanceId,
      input.createdByKind,
      input.createdById,
      input.searchText,
      write.at,
      ...eventValues(write),
      ...taskAndJobValues(write),
    ];
    try {
      await this.database.pool.query(START_INSTANCE, values);
      return { kind: 'written', version: 1 };
    } catch (error) {
      if (isDuplicateIdempotencyKey(error)) return { kind: 'duplicateKey' };
      throw error;
    }
  }

  /** Marks the instance as an incident for staff to see (RELIABILITY 7): never a silent restore. */
  async flagIncident(input: { companyId: string; instanceId: string; kind: string; message: string }): Promise<void> {
    await this.database.pool.query(FLAG_INCIDENT, [input.instanceId, input.companyId, input.kind, input.message]);
  }

  /** The next number of the day for a reference prefix; gaps (a failed start) are harmless. */
  async nextReferenceNumber(input: { companyId: string; prefix: string; day: string }): Promise<number> {
    const result = await this.database.pool.query<{ value: number }>(NEXT_REFERENCE_NUMBER, [input.companyId, input.prefix, input.day]);
    return result.rows[0]?.value ?? 1;
  }
}
