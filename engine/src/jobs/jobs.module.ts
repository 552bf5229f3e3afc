import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../timers/clock';
import { FaultInjector } from './fault-injector';
import { JobHandlerRegistry } from './job-handler-registry';
import { JobQueue } from './job-queue';
import { JobWorker } from './job-worker';
import { JobRepository } from './job.repository';

/**
 * The durable job queue and its worker (docs/jobs.md). Global: the capability modules register
 * their handlers and sweeps in the registry, and read time from the one Clock.
 */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, FaultInjector, JobHandlerRegistry, JobQueue, JobRepository, JobWorker],
  exports: [Clock, FaultInjector, JobHandlerRegistry, JobQueue],
})
export class JobsModule {}
