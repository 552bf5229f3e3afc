import { Injectable, Logger } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { Coalescer } from '../database/coalescer';
import { DatabaseService } from '../database/database.service';
import { currentTenant, runAsTenant } from '../database/tenant-context';
import type { SealedValue } from '../privacy/form-personal-data';
import { EVENT_STATEMENTS_IN_FLIGHT } from './instance-reader.repository';
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

/** A task the event keeps open but hands to someone else (an assignTask action on its state): open again, unclaimed. */
export interface ReassignedTaskRow {
  id: string;
  assigneeRole: StaffRole | null;
  assigneeUserId: string | null;
  assigneePersonId: string | null;
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
  reassignedTasks: ReassignedTaskRow[];
  cancelTimerIds: string[];
  jobs: JobRow[];
  /** Phone and ID numbers typed into the event's form, encrypted: `data` holds their tokens. */
  personalValues: SealedValue[];
  /** Instance.slaClocks after the event (null: no paused SLA clock). */
  slaClocks: unknown;
}

export type WriteOutcome = { kind: 'written'; version: number } | { kind: 'stale' } | { kind: 'duplicateKey' };

/** One event to write: gated on the version its instance had when read. */
export interface EventWrite {
  companyId: string;
  instanceId: string;
  expectedVersion: number;
  write: InstanceWrite;
}

/** What one write of a batch came to: its outcome, or the error that was its own. */
type Settled = { outcome: WriteOutcome } | { error: unknown };

// What an event brings besides its instance row, as the statements read it from JSON
// (`eventColumns`): the log entry, the tasks it closes, opens and reassigns, its outbox rows, the timers it cancels,
// the personal values its form sealed.
const EVENT_COLUMNS = `at timestamptz, type text, "eventData" jsonb, "actorKind" "PrincipalKind", "actorId" uuid, "actorName" text,
    comment text, "idempotencyKey" text, response jsonb, "closedTasks" jsonb, "newTasks" jsonb, "reassignedTasks" jsonb, jobs jsonb,
    "cancelTimerIds" text[], "personalValues" jsonb`;

// The writes shared by the event and the start statements, from the CTE `accepted`: one row per
// instance row written (id, "companyId", "estateId", "workflowKey", its new version) with its
// EVENT_COLUMNS. An event that cancels no timer skips the timer scan.
const EVENT_WRITES = `
logged AS (
  INSERT INTO "InstanceEvent" ("companyId", "instanceId", seq, type, data, "actorKind", "actorId", "actorName", comment, "idempotencyKey", response, "createdAt")
  SELECT a."companyId", a.id, a.version, a.type, a."eventData", a."actorKind", a."actorId", a."actorName", a.comment, a."idempotencyKey", a.response, a.at
    FROM accepted a
  RETURNING seq
), closed_tasks AS (
  UPDATE "Task" t SET status = c.status, "completedAt" = a.at, "completedById" = c."completedById"
    FROM accepted a, jsonb_to_recordset(a."closedTasks") AS c(id uuid, status "TaskStatus", "completedById" uuid)
   WHERE t.id = c.id AND t."instanceId" = a.id
  RETURNING t.id
), opened_tasks AS (
  INSERT INTO "Task" (id, "companyId", "estateId", "instanceId", "stateKey", name, "formKey", "assigneeRole", "assigneeUserId",
                      "assigneePersonId", status, "respondDueAt", "completeDueAt", "workflowKey", "buildingId", category, "createdAt")
  SELECT t.id, a."companyId", a."estateId", a.id, t."stateKey", t.name, t."formKey", t."assigneeRole", t."assigneeUserId",
         t."assigneePersonId", 'open', t."respondDueAt", t."completeDueAt", a."workflowKey", t."buildingId", t.category, a.at
    FROM accepted a, jsonb_to_recordset(a."newTasks") AS t(id uuid, "stateKey" text, name jsonb, "formKey" text, "assigneeRole" "StaffRole",
         "assigneeUserId" uuid, "assigneePersonId" uuid, "respondDueAt" timestamptz, "completeDueAt" timestamptz, "buildingId" uuid, category text)
  RETURNING id
), reassigned_tasks AS (
  UPDATE "Task" t SET status = 'open', "assigneeRole" = r."assigneeRole", "assigneeUserId" = r."assigneeUserId",
                      "assigneePersonId" = r."assigneePersonId", "claimedAt" = NULL
    FROM accepted a, jsonb_to_recordset(a."reassignedTasks") AS r(id uuid, "assigneeRole" "StaffRole", "assigneeUserId" uuid, "assigneePersonId" uuid)
   WHERE t.id = r.id AND t."instanceId" = a.id AND t.status IN ('open', 'claimed')
  RETURNING t.id
), jobs AS (
  INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey", "runAt")
  SELECT a."companyId", a.id, j.kind, j.payload, j."dedupeKey", j."runAt"
    FROM accepted a, jsonb_to_recordset(a.jobs) AS j(kind text, payload jsonb, "dedupeKey" text, "runAt" timestamptz)
  ON CONFLICT ("dedupeKey") DO NOTHING
  RETURNING id
), cancelled_timers AS (
  UPDATE "Job" j SET status = 'cancelled', "finishedAt" = a.at
    FROM accepted a
   WHERE cardinality(a."cancelTimerIds") > 0 AND j."instanceId" = a.id AND j.kind = 'timer' AND j.status = 'pending'
     AND j.payload->>'timerId' = ANY(a."cancelTimerIds")
  RETURNING j.id
), personal_values AS (
  INSERT INTO "PersonalValue" (id, "companyId", "instanceId", kind, cipher, "blindIndex", "createdAt")
  SELECT p.id, a."companyId", a.id, p.kind, p.cipher, p."blindIndex", a.at
    FROM accepted a, jsonb_to_recordset(a."personalValues") AS p(id uuid, kind "PersonalDataKind", cipher text, "blindIndex" text)
  RETURNING id
)`;

// Events (one, or several that arrived together) in one statement — one round trip, one commit —
// each gated on the version its instance had when read (optimistic concurrency). `n` is the
// event's position in $1; the rows returned are the events written: any other lost its race.
// Two events for one instance at one version cannot both be written: an UPDATE changes a row once.
// Run on connections that keep its one generic plan (DatabaseService.eventPool).
const APPLY_EVENTS = {
  name: 'instance.apply-events',
  text: `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    n int, id uuid, "companyId" uuid, "expectedVersion" int, snapshot jsonb, "stateValue" text, status "InstanceStatus", data jsonb,
    "slaClocks" jsonb, ${EVENT_COLUMNS})
), written AS (
  UPDATE "Instance" i
     SET snapshot = x.snapshot, "stateValue" = x."stateValue", status = x.status, data = x.data, version = i.version + 1, "updatedAt" = x.at,
         "slaClocks" = x."slaClocks", "completedAt" = CASE WHEN x.status IN ('completed', 'cancelled') THEN x.at ELSE i."completedAt" END
    FROM input x
   WHERE i.id = x.id AND i."companyId" = x."companyId" AND i.version = x."expectedVersion" AND i.status = 'active'
  RETURNING x.n, i."estateId", i."workflowKey", i.version
), accepted AS (
  SELECT w."estateId", w."workflowKey", w.version, x.* FROM written w JOIN input x ON x.n = w.n
), ${EVENT_WRITES}
SELECT n, version FROM written`,
};

// A start: the instance row (version 1), its start event, its first tasks and effects.
const START_INSTANCE = `
WITH written AS (
  INSERT INTO "Instance" (id, "companyId", "estateId", "versionId", "workflowKey", reference, title, status, snapshot, "stateValue", data, version,
                          "unitId", "requesterPersonId", "parentInstanceId", "createdByKind", "createdById", "searchText", "createdAt", "updatedAt")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::"InstanceStatus", $9::jsonb, $10, $11::jsonb, 1, $12::uuid, $13::uuid, $14::uuid, $15::"PrincipalKind", $16::uuid, $17, $18, $18)
  RETURNING id, "companyId", "estateId", "workflowKey", version
), accepted AS (
  SELECT w.*, x.* FROM written w, jsonb_to_record($19::jsonb) AS x(${EVENT_COLUMNS})
), ${EVENT_WRITES}
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

/** EVENT_COLUMNS of a write. */
function eventColumns(write: InstanceWrite): Record<string, unknown> {
  const { event } = write;
  return {
    at: write.at,
    type: event.type,
    eventData: event.data,
    actorKind: event.actorKind,
    actorId: event.actorId,
    actorName: event.actorName,
    comment: event.comment,
    idempotencyKey: event.idempotencyKey,
    response: event.response,
    closedTasks: write.closedTasks,
    newTasks: write.newTasks,
    reassignedTasks: write.reassignedTasks,
    jobs: write.jobs,
    cancelTimerIds: write.cancelTimerIds,
    personalValues: write.personalValues,
  };
}

/** One event of APPLY_EVENTS's $1. */
function eventInput(n: number, input: EventWrite): Record<string, unknown> {
  const { write } = input;
  return {
    n,
    id: input.instanceId,
    companyId: input.companyId,
    expectedVersion: input.expectedVersion,
    snapshot: write.snapshot,
    stateValue: write.stateValue,
    status: write.status,
    data: write.data,
    slaClocks: write.slaClocks,
    ...eventColumns(write),
  };
}

/**
 * The event hot path's write (DESIGN.md "How an event runs"): snapshot + version, event log,
 * task rows and outbox rows in one data-modifying statement via `pg`, so that they commit
 * together or not at all. No interactive transaction, one round trip — and under load, one for
 * all the events that arrived together. The statements are named (prepared once per connection):
 * planning them cost PostgreSQL about as much as running them (docs/performance.md).
 */
@Injectable()
export class InstanceWriterRepository {
  private readonly logger = new Logger('InstanceWriter');
  /** Event writes made in one turn of the event loop, per tenant (row-level security). */
  private readonly writes: Coalescer<EventWrite, Settled>;

  constructor(private readonly database: DatabaseService) {
    this.writes = new Coalescer(
      (tenant, items) => runAsTenant(tenant === '' ? null : tenant, () => this.applyMany(items)),
      EVENT_STATEMENTS_IN_FLIGHT,
    );
  }

  /**
   * Writes one event, gated on the version read. Events that arrive together share one statement
   * (and one commit); if that statement fails — one event's idempotency key already used, say —
   * nothing of it was written, and each event is written alone, so that an error is only ever
   * its own event's.
   */
  async applyEvent(input: EventWrite): Promise<WriteOutcome> {
    const settled = await this.writes.load(currentTenant() ?? '', input);
    if ('error' in settled) throw settled.error;
    return settled.outcome;
  }

  private async applyMany(items: EventWrite[]): Promise<Settled[]> {
    try {
      return await this.apply(items);
    } catch (error) {
      if (items.length === 1) return [isDuplicateIdempotencyKey(error) ? { outcome: { kind: 'duplicateKey' } } : { error }];
      // A key used meanwhile is an expected race; anything else is worth an operator's look.
      if (!isDuplicateIdempotencyKey(error)) this.logger.warn(`${items.length} events are written one by one: ${String(error)}`);
      // Nothing of the shared statement was written: each event alone, each with its own outcome.
      return (await Promise.all(items.map((item) => this.applyMany([item])))).flat();
    }
  }

  /** APPLY_EVENTS for these events: each one written, or stale. */
  private async apply(items: EventWrite[]): Promise<Settled[]> {
    const { rows } = await this.database.eventPool.query<{ n: number; version: number }>({
      ...APPLY_EVENTS,
      values: [JSON.stringify(items.map((item, index) => eventInput(index + 1, item)))],
    });
    const written = new Map(rows.map((row) => [row.n, row.version]));
    return items.map((_, index): Settled => {
      const version = written.get(index + 1);
      return { outcome: version === undefined ? { kind: 'stale' } : { kind: 'written', version } };
    });
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
      JSON.stringify(eventColumns(write)),
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
