import { Injectable } from '@nestjs/common';
import type { NewJob } from './job';
import { JobRepository } from './job.repository';

/** Enqueues durable work from outside the event pipeline (webhook fan-out, schedules, retries). */
@Injectable()
export class JobQueue {
  constructor(private readonly repository: JobRepository) {}

  enqueue(jobs: NewJob[]): Promise<number> {
    return this.repository.enqueue(jobs);
  }
}
