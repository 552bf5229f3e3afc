import { describe, expect, it } from 'vitest';
import type { EngineConfig } from '../config/config';
import type { Clock } from '../timers/clock';
import type { FaultInjector } from './fault-injector';
import type { ClaimedJob } from './job';
import type { JobHandlerRegistry } from './job-handler-registry';
import type { JobRepository } from './job.repository';
import { JobWorker } from './job-worker';

/**
 * The worker's lanes, against an in-memory queue (the claim's SQL — SKIP LOCKED, leases — has its
 * own tests on PostgreSQL in engine/test/jobs): a backlog is worked in several batches at once, a
 * bounded number of them, each job once, and a quiet queue is polled by one lane.
 */
function queueOf(count: number) {
  const pending: ClaimedJob[] = Array.from({ length: count }, (_, index) => ({
    id: String(index + 1),
    companyId: null,
    instanceId: null,
    kind: 'probe',
    payload: {},
    dedupeKey: `probe-${index}`,
    runAt: new Date(0),
    attempt: 1,
    maxAttempts: 5,
  }));
  const completed: string[] = [];
  let claims = 0;
  const repository = {
    claim: async (input: { limit: number }) => {
      claims++;
      return pending.splice(0, input.limit);
    },
    completeAll: async (input: { jobs: readonly ClaimedJob[] }) => {
      completed.push(...input.jobs.map((job) => job.id));
    },
  };
  return { repository, completed, claims: () => claims };
}

function workerWith(repository: object, handle: (job: ClaimedJob) => Promise<void>): JobWorker {
  const config = { runWorkers: true, worker: { pollMs: 20, leaseMs: 60_000, backoffMs: 10, crashAt: null } } as unknown as EngineConfig;
  const registry = { handler: () => ({ kind: 'probe', handle }), allSweeps: () => [] } as unknown as JobHandlerRegistry;
  const clock = { now: () => new Date() } as unknown as Clock;
  const faults = { at: () => undefined } as unknown as FaultInjector;
  return new JobWorker(config, repository as unknown as JobRepository, registry, clock, faults);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('JobWorker lanes', () => {
  it('works a backlog in up to four batches of ten at once, and runs every job once', async () => {
    const queue = queueOf(200);
    let running = 0;
    let mostAtOnce = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const worker = workerWith(queue.repository, async () => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await gate;
      running--;
    });
    worker.onApplicationBootstrap();
    try {
      await until(() => running === 40, 'four full batches in hand');
      await new Promise((resolve) => setTimeout(resolve, 50)); // no fifth lane opens meanwhile
      expect(running).toBe(40);
      release();
      await until(() => queue.completed.length === 200, 'the backlog to be done');
      expect(new Set(queue.completed).size).toBe(200);
      expect(mostAtOnce).toBe(40);
    } finally {
      release();
      await worker.onApplicationShutdown();
    }
  });

  it('polls a quiet queue with one lane', async () => {
    const queue = queueOf(3);
    const worker = workerWith(queue.repository, async () => undefined);
    worker.onApplicationBootstrap();
    try {
      await until(() => queue.completed.length === 3, 'the three jobs');
      const claimsAfterBacklog = queue.claims();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // One lane polling every 20 ms: about ten claims in 200 ms, not several lanes' worth.
      expect(queue.claims() - claimsAfterBacklog).toBeLessThanOrEqual(12);
    } finally {
      await worker.onApplicationShutdown();
    }
  });
});
