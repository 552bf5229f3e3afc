import { Injectable } from '@nestjs/common';
import type { ClientBase } from 'pg';
import { DatabaseService } from '../database/database.service';
import type { ClaimedJob, NewJob } from './job';

const INSERT_JOB = `INSERT INTO "Job" ("companyId", "instanceId", kind, payload, "dedupeKey", "runAt", "maxAttempts")
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT ("dedupeKey") DO NOTHING`;

/**
 * Enqueues jobs on a connection the caller holds — inside its transaction, so that the jobs commit
 * with what caused them; a job whose dedupeKey exists already is not enqueued twice.
 */
export async function insertJobs(client: Pick<ClientBase, 'query'>, jobs: readonly NewJob[]): Promise<number> {
  let inserted = 0;
  for (const job of jobs) {
    const result = await client.query(INSERT_JOB, [
      job.companyId,
      job.instanceId,
      job.kind,
      JSON.stringify(job.payload),
      job.dedupeKey,
      job.runAt,
      job.maxAttempts ?? 5,
    ]);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

interface JobRow {
  id: string;
  companyId: string | null;
  instanceId: string | null;
  kind: string;
  payload: unknown;
  dedupeKey: string;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toClaimed(row: JobRow): ClaimedJob {
  return {
    id: row.id,
    companyId: row.companyId,
    instanceId: row.instanceId,
    kind: row.kind,
    payload: isRecord(row.payload) ? row.payload : {},
    dedupeKey: row.dedupeKey,
    runAt: row.runAt,
    attempt: row.attempts,
    maxAttempts: row.maxAttempts,
  };
}

/**
 * The job queue in PostgreSQL: claim with SKIP LOCKED under a lease, finish fenced by attempt.
 * Claim and complete run for every job, so they are named statements (planned once per connection).
 */
@Injectable()
export class JobRepository {
  constructor(private readonly database: DatabaseService) {}

  /**
   * Claims up to `limit` due jobs for `leaseMs`. A job still `running` after its lease ran out
   * belongs to a process that died; it is taken again (and its attempt counted).
   */
  async claim(input: { now: Date; limit: number; leaseMs: number }): Promise<ClaimedJob[]> {
    const { rows } = await this.database.pool.query<JobRow>({
      name: 'jobs.claim',
      // Across companies by design: the owner's function (migration job_row_level_security) claims
      // for every tenant; each job then runs as its own company (JobWorker.runAsItsCompany).
      text: 'SELECT * FROM estateflow_claim_jobs($1, $2, $3)',
      values: [input.now, input.limit, input.leaseMs],
    });
    return rows.map(toClaimed);
  }

  /** Done — unless the lease was lost and another process holds a newer attempt. */
  async complete(input: { job: ClaimedJob; now: Date; note?: string }): Promise<void> {
    await this.database.pool.query({
      name: 'jobs.complete',
      text: `UPDATE "Job" SET status = $4::"JobStatus", "finishedAt" = $3, "lockedUntil" = NULL, "lastError" = COALESCE($5, "lastError")
       WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      values: [input.job.id, input.job.attempt, input.now, input.note === undefined ? 'done' : 'cancelled', input.note ?? null],
    });
  }

  /**
   * Done, for every job of one company that its handler finished in a batch: one statement per
   * batch instead of one per job (the worker's share of each event, docs/performance.md). Fenced
   * per job by its attempt, as `complete` is.
   */
  async completeAll(input: { jobs: readonly ClaimedJob[]; now: Date }): Promise<void> {
    if (input.jobs.length === 0) return;
    await this.database.pool.query({
      name: 'jobs.complete-all',
      text: `UPDATE "Job" j SET status = 'done', "finishedAt" = $3, "lockedUntil" = NULL
       FROM unnest($1::bigint[], $2::int[]) AS d(id, attempts)
       WHERE j.id = d.id AND j.attempts = d.attempts AND j.status = 'running'`,
      values: [input.jobs.map((job) => job.id), input.jobs.map((job) => job.attempt), input.now],
    });
  }

  async retryLater(input: { job: ClaimedJob; error: string; runAt: Date }): Promise<void> {
    await this.database.pool.query(
      `UPDATE "Job" SET status = 'pending', "runAt" = $3, "lastError" = $4, "lockedUntil" = NULL
       WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [input.job.id, input.job.attempt, input.runAt, input.error],
    );
  }

  /** Marks the job failed and opens an incident for staff, in one statement. */
  async failWithIncident(input: { job: ClaimedJob; error: string; now: Date }): Promise<string | null> {
    const { rows } = await this.database.pool.query<{ id: string }>(
      `WITH failed AS (
         UPDATE "Job" SET status = 'failed', "lastError" = $3, "finishedAt" = $4, "lockedUntil" = NULL
         WHERE id = $1 AND attempts = $2 AND status = 'running'
         RETURNING id, "companyId", "instanceId", kind, payload
       )
       INSERT INTO "Incident" (id, "companyId", "estateId", "instanceId", "jobId", kind, message, "createdAt")
       SELECT gen_random_uuid(), failed."companyId",
              COALESCE(instance."estateId",
                       CASE WHEN failed.payload->>'estateId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                            THEN (failed.payload->>'estateId')::uuid END),
              failed."instanceId", failed.id, failed.kind, $3, $4
       FROM failed LEFT JOIN "Instance" AS instance ON instance.id = failed."instanceId"
       WHERE failed."companyId" IS NOT NULL
       RETURNING id::text`,
      [input.job.id, input.job.attempt, input.error.slice(0, 2000), input.now],
    );
    return rows[0]?.id ?? null;
  }

  /** Enqueues follow-up jobs; a job whose dedupeKey exists already is not enqueued twice. */
  enqueue(jobs: NewJob[]): Promise<number> {
    return insertJobs(this.database.pool, jobs);
  }
}
