import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NotFoundError, UnprocessableError } from '../common/errors';
import { InstanceStartService } from '../instances/instance-start.service';
import { type ClaimedJob, type JobHandler, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadRecord, payloadString } from '../jobs/job-payload';

/**
 * `start_child` jobs: an inspection's abnormal item starts a linked repair. The child gets the
 * parent as parentInstanceId and the job's key as its start idempotency key, so a rerun after a
 * crash finds the child it already started instead of starting a second one.
 */
@Injectable()
export class StartChildJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'start_child';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const parentInstanceId = payloadString(job.payload, 'parentInstanceId') ?? job.instanceId;
    const estateId = payloadString(job.payload, 'estateId');
    const workflowKey = payloadString(job.payload, 'workflowKey');
    if (job.companyId === null || parentInstanceId === null || estateId === null || workflowKey === null) {
      throw new PermanentJobError('A start_child job needs a company, a parent instance, an estate and a workflow key.');
    }
    const starter = this.modules.get(InstanceStartService, { strict: false });
    try {
      await starter.startInstance({
        companyId: job.companyId,
        estateId,
        workflowKey,
        data: payloadRecord(job.payload, 'data') ?? {},
        parentInstanceId,
        idempotencyKey: job.dedupeKey,
      });
    } catch (error) {
      // Not bound in this estate, or data the child's start form refuses: retrying will not help.
      if (error instanceof NotFoundError || error instanceof UnprocessableError)
        throw new PermanentJobError(`Could not start "${workflowKey}": ${error.message}`);
      throw error;
    }
  }
}
