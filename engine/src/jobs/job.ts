/** A Job row the worker has claimed (prisma/schema.prisma model Job; docs/jobs.md). */
export interface ClaimedJob {
  id: string;
  companyId: string | null;
  instanceId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  runAt: Date;
  /** This claim's attempt number, starting at 1; it also fences the claim (see JobRepository.complete). */
  attempt: number;
  maxAttempts: number;
}

/** Executes one kind of job. Must be idempotent: a job may run again after a crash (at least once). */
export interface JobHandler {
  readonly kind: string;
  handle(job: ClaimedJob): Promise<void>;
}

/** A failure that retrying cannot cure (a missing row, a template that does not compile): an incident at once. */
export class PermanentJobError extends Error {}

/** A job that has nothing left to do (its state was left, its target is gone): done, not failed. */
export class ObsoleteJobError extends Error {}

/** A job to enqueue from a handler (fan-out, follow-up work). */
export interface NewJob {
  companyId: string | null;
  instanceId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  runAt: Date;
  maxAttempts?: number;
}
