import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InstanceEventService } from '../instances/instance-event.service';
import { type ClaimedJob, type JobHandler, ObsoleteJobError, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadString } from '../jobs/job-payload';

/** The system event a parent receives when one of its child workflows ends (docs/definition-format.md). */
export const CHILD_COMPLETED_EVENT = 'CHILD_COMPLETED';

/**
 * `child_completed` jobs, enqueued by the statement that ended a child instance: send
 * CHILD_COMPLETED { childId, workflowKey, finalState, status } to the parent as the system. A
 * parent whose current state has no such transition ignores it (the job ends as cancelled, not as
 * an incident). The job's key is the event's idempotency key, so a rerun cannot deliver it twice.
 */
@Injectable()
export class ChildCompletedJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'child_completed';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const parentInstanceId = payloadString(job.payload, 'parentInstanceId');
    const childId = payloadString(job.payload, 'childId') ?? job.instanceId;
    const workflowKey = payloadString(job.payload, 'workflowKey');
    const finalState = payloadString(job.payload, 'finalState');
    if (parentInstanceId === null || childId === null || workflowKey === null || finalState === null) {
      throw new PermanentJobError('A child_completed job needs a parent, a child, its workflow key and its final state.');
    }
    const instances = this.modules.get(InstanceEventService, { strict: false });
    const { applied } = await instances.applySystemEvent({
      instanceId: parentInstanceId,
      event: CHILD_COMPLETED_EVENT,
      expectedStateKey: null,
      idempotencyKey: job.dedupeKey,
      data: { childId, workflowKey, finalState, status: payloadString(job.payload, 'status') ?? 'completed' },
    });
    if (!applied) throw new ObsoleteJobError('the parent has ended or its current state does not listen for CHILD_COMPLETED');
  }
}
