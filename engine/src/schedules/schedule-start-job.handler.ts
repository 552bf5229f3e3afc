import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NotFoundError, UnprocessableError } from '../common/errors';
import { InstanceStartService } from '../instances/instance-start.service';
import { type ClaimedJob, type JobHandler, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadRecord, payloadString } from '../jobs/job-payload';

/** `schedule_start` jobs: start the scheduled workflow as the system, once per run (the job key is the start's idempotency key). */
@Injectable()
export class ScheduleStartJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'schedule_start';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const estateId = payloadString(job.payload, 'estateId');
    const workflowKey = payloadString(job.payload, 'workflowKey');
    if (job.companyId === null || estateId === null || workflowKey === null)
      throw new PermanentJobError('A schedule_start job needs a company, an estate and a workflow key.');
    const starter = this.modules.get(InstanceStartService, { strict: false });
    try {
      await starter.startInstance({
        companyId: job.companyId,
        estateId,
        workflowKey,
        data: payloadRecord(job.payload, 'data') ?? {},
        idempotencyKey: job.dedupeKey,
      });
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof UnprocessableError)
        throw new PermanentJobError(`Could not start scheduled "${workflowKey}": ${error.message}`);
      throw error;
    }
  }
}
