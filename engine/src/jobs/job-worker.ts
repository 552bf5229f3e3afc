import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { runAsTenant } from '../database/tenant-context';
import { Clock } from '../timers/clock';
import { FaultInjector } from './fault-injector';
import { type ClaimedJob, ObsoleteJobError, PermanentJobError } from './job';
import { JobHandlerRegistry, type PeriodicSweep } from './job-handler-registry';
import { JobRepository } from './job.repository';
import { retryDelayMs } from './retry-delay';

/** Small batches keep one slow job from holding many others' leases. */
const BATCH_SIZE = 10;

/**
 * Batches in hand at once while a backlog lasts. One lane polls; a claim that comes back full
 * opens another lane, up to this many, and a lane closes when its claim is not full. One lane
 * runs a batch in four or more round trips one after another, so under sustained load it fell
 * behind the events that make the jobs (docs/jobs.md).
 */
const MAX_LANES = 4;

/** What became of a claimed job: done (to acknowledge with its batch) or already settled (failed, retried, obsolete). */
type JobOutcome = 'done' | 'settled';

function groupByCompany(jobs: readonly ClaimedJob[]): Map<string | null, ClaimedJob[]> {
  const groups = new Map<string | null, ClaimedJob[]>();
  for (const job of jobs) groups.set(job.companyId, [...(groups.get(job.companyId) ?? []), job]);
  return groups;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The job worker that runs in every engine process (config.runWorkers): claims due jobs, runs
 * their handler, and finishes them — done, retried with backoff, or failed into an incident.
 * Coordination between processes is entirely in PostgreSQL (SKIP LOCKED + leases).
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobWorker');
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private current: Promise<void> = Promise.resolve();
  /** The extra lanes running now (the polling lane is not among them). */
  private readonly extraLanes = new Set<Promise<void>>();
  private readonly sweepDue = new Map<PeriodicSweep, number>();

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly repository: JobRepository,
    private readonly registry: JobHandlerRegistry,
    private readonly clock: Clock,
    private readonly faults: FaultInjector,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.runWorkers) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    // Let the batches in hand finish; anything cut short is retaken after its lease.
    await Promise.race([Promise.all([this.current, ...this.extraLanes]), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.current = this.tick()
        .then((claimed) => this.schedule(claimed === BATCH_SIZE ? 0 : this.config.worker.pollMs))
        .catch((error: unknown) => {
          // Typically the database is unreachable for a moment: wait and try again.
          this.logger.warn(`Job worker: ${describeError(error)}`);
          this.schedule(this.config.worker.pollMs * 5);
        });
    }, delayMs);
  }

  /** Another lane while there is a backlog (MAX_LANES): batch after batch until one is not full. */
  private openLane(): void {
    if (this.stopping || this.extraLanes.size + 1 >= MAX_LANES) return;
    const lane = (async () => {
      try {
        let claimed = BATCH_SIZE;
        while (!this.stopping && claimed === BATCH_SIZE) claimed = await this.tick();
      } catch (error) {
        // The polling lane carries on and reports it again if it lasts.
        this.logger.warn(`Job worker: ${describeError(error)}`);
      }
    })().finally(() => this.extraLanes.delete(lane));
    this.extraLanes.add(lane);
  }

  /**
   * One round: due sweeps, then one batch of jobs. Jobs that finished are acknowledged together,
   * one statement per company, once the batch is over (a crash before that runs them again, as a
   * crash before any acknowledgement always could). Returns how many jobs were claimed.
   */
  async tick(): Promise<number> {
    await this.runSweeps();
    const jobs = await this.repository.claim({ now: this.clock.now(), limit: BATCH_SIZE, leaseMs: this.config.worker.leaseMs });
    if (jobs.length === BATCH_SIZE) this.openLane();
    const outcomes = await Promise.all(jobs.map((job) => this.runAsItsCompany(job)));
    const done = jobs.filter((_, index) => outcomes[index] === 'done');
    for (const [companyId, ofCompany] of groupByCompany(done)) {
      await runAsTenant(companyId, () => this.repository.completeAll({ jobs: ofCompany, now: this.clock.now() }));
    }
    return jobs.length;
  }

  private async runSweeps(): Promise<void> {
    const now = this.clock.now();
    for (const sweep of this.registry.allSweeps()) {
      const due = this.sweepDue.get(sweep) ?? 0;
      if (now.getTime() < due) continue;
      this.sweepDue.set(sweep, now.getTime() + sweep.everyMs);
      try {
        await sweep.run(now);
      } catch (error) {
        this.logger.warn(`Sweep ${sweep.name}: ${describeError(error)}`);
      }
    }
  }

  /**
   * Each job runs as its company (RELIABILITY 18): its handler's queries see that company's rows
   * only. A job with no company (none today) sees no tenant rows. Each starts in a macrotask of its
   * own: Prisma batches findUnique calls made in the same tick into one query, under one tenant.
   */
  private runAsItsCompany(job: ClaimedJob): Promise<JobOutcome> {
    return runAsTenant(job.companyId, async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return this.run(job);
    });
  }

  /** Runs the job's handler; 'done' is acknowledged with its batch, anything else is settled here. */
  private async run(job: ClaimedJob): Promise<JobOutcome> {
    const handler = this.registry.handler(job.kind);
    if (!handler) {
      await this.fail(job, `No handler for job kind "${job.kind}".`);
      return 'settled';
    }
    if (job.attempt > job.maxAttempts) {
      // Claimed again and again by processes that died while running it: stop feeding it to them.
      await this.fail(job, `The engine stopped while running this job ${job.attempt - 1} times.`);
      return 'settled';
    }
    try {
      await handler.handle(job);
    } catch (error) {
      await this.failed(job, error);
      return 'settled';
    }
    this.faults.at(`${job.kind}:before-ack`);
    return 'done';
  }

  private async failed(job: ClaimedJob, error: unknown): Promise<void> {
    const message = describeError(error);
    if (error instanceof ObsoleteJobError) {
      await this.repository.complete({ job, now: this.clock.now(), note: `obsolete: ${message}` });
      return;
    }
    if (error instanceof PermanentJobError || job.attempt >= job.maxAttempts) {
      await this.fail(job, message);
      return;
    }
    const delay = retryDelayMs({ attempt: job.attempt, baseMs: this.config.worker.backoffMs });
    this.logger.warn(`Job ${job.id} (${job.kind}) attempt ${job.attempt}/${job.maxAttempts} failed, retrying in ${delay} ms: ${message}`);
    await this.repository.retryLater({ job, error: message, runAt: new Date(this.clock.now().getTime() + delay) });
  }

  private async fail(job: ClaimedJob, message: string): Promise<void> {
    this.logger.error(`Job ${job.id} (${job.kind}) failed for good after ${job.attempt} attempts: ${message}`);
    await this.repository.failWithIncident({ job, error: message, now: this.clock.now() });
  }
}
