import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ClaimedJob, type JobHandler, ObsoleteJobError, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadRecord, payloadString } from '../jobs/job-payload';
import { maskFormTokens } from '../privacy/form-personal-data';
import { JobQueue } from '../jobs/job-queue';
import { Clock } from '../timers/clock';
import { WebhooksRepository } from './webhooks.repository';

/** Each delivery is retried on its own, so one broken receiver does not hold up the others. */
export const DELIVERY_ATTEMPTS = 6;

/**
 * `webhook` jobs from a step's webhook action: one `webhook_delivery` job per subscribed
 * webhook, each with its own retries. The body is fixed here, so every retry sends the same bytes.
 */
@Injectable()
export class WebhookJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'webhook';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly repository: WebhooksRepository,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const event = payloadString(job.payload, 'event');
    if (job.companyId === null || event === null) throw new PermanentJobError('A webhook job needs a company and an event.');
    const webhooks = await this.repository.subscribedTo({ companyId: job.companyId, event });
    if (webhooks.length === 0) throw new ObsoleteJobError(`no active webhook takes "${event}"`);
    const now = this.clock.now();
    const body = {
      event,
      occurredAt: job.runAt.toISOString(),
      companyId: job.companyId,
      instanceId: job.instanceId ?? payloadString(job.payload, 'instanceId'),
      estateId: payloadString(job.payload, 'estateId'),
      // Phone and ID numbers typed into forms leave the company masked, like every reply.
      data: maskFormTokens(payloadRecord(job.payload, 'payload') ?? {}),
    };
    await this.queue.enqueue(
      webhooks.map((webhook) => ({
        companyId: job.companyId,
        instanceId: job.instanceId,
        kind: 'webhook_delivery',
        payload: { webhookId: webhook.id, deliveryId: randomUUID(), event, estateId: body.estateId, body },
        dedupeKey: `${job.dedupeKey}:${webhook.id}`,
        runAt: now,
        maxAttempts: DELIVERY_ATTEMPTS,
      })),
    );
  }
}
