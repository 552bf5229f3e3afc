import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InstanceEventService } from '../instances/instance-event.service';
import { type ClaimedJob, type JobHandler, ObsoleteJobError, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadString } from '../jobs/job-payload';

/**
 * `timer` jobs (`after` delays): send the timer's event to the instance as the system. The event
 * applies only while the state that scheduled it is still active (expectedStateKey); a timer
 * whose state was left ends as cancelled, doing nothing. The job's key is the event's
 * idempotency key, so a timer retaken after a crash cannot fire twice.
 */
@Injectable()
export class TimerJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'timer';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const instanceId = job.instanceId ?? payloadString(job.payload, 'instanceId');
    const event = payloadString(job.payload, 'event');
    if (instanceId === null || event === null) throw new PermanentJobError('A timer job needs an instance and an event.');
    // Resolved lazily: the instances module also enqueues the jobs this worker runs.
    const instances = this.modules.get(InstanceEventService, { strict: false });
    const { applied } = await instances.applySystemEvent({
      instanceId,
      event,
      expectedStateKey: payloadString(job.payload, 'stateKey'),
      idempotencyKey: job.dedupeKey,
    });
    if (!applied) throw new ObsoleteJobError('the state that set this timer was left, or the instance has ended');
  }
}
