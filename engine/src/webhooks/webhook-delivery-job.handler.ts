import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { type ClaimedJob, type JobHandler, ObsoleteJobError, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadRecord, payloadString } from '../jobs/job-payload';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { Clock } from '../timers/clock';
import { resolvesToPublicAddress } from './public-address';
import { webhookSignature } from './webhook-signature';
import { WebhooksRepository } from './webhooks.repository';

const TIMEOUT_MS = 10_000;

/**
 * One POST to one webhook: JSON, signed (`X-EstateFlow-Signature: sha256=…` over
 * `<X-EstateFlow-Timestamp>.<body>`), with a delivery id that stays the same across retries so
 * the receiver can drop duplicates. Anything but a 2xx is retried with backoff, then an incident.
 */
@Injectable()
export class WebhookDeliveryJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'webhook_delivery';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly repository: WebhooksRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const webhookId = payloadString(job.payload, 'webhookId');
    const deliveryId = payloadString(job.payload, 'deliveryId');
    const event = payloadString(job.payload, 'event');
    const content = payloadRecord(job.payload, 'body');
    if (job.companyId === null || webhookId === null || deliveryId === null || event === null || content === null) {
      throw new PermanentJobError('A webhook delivery needs a company, a webhook, a delivery id, an event and a body.');
    }
    const webhook = await this.repository.find({ companyId: job.companyId, id: webhookId });
    if (!webhook || !webhook.active) throw new ObsoleteJobError('the webhook was removed or switched off');
    const url = new URL(webhook.url);
    if (this.config.environment === 'production' && !(await resolvesToPublicAddress(url))) {
      throw new PermanentJobError(`${url.host} is not a public address; webhooks do not post into the engine's own network.`);
    }
    const body = JSON.stringify({ id: deliveryId, ...content });
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const secret = this.cipher.decrypt('secret', webhook.secretCipher);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'EstateFlow-Webhook/1',
          'x-estateflow-event': event,
          'x-estateflow-delivery': deliveryId,
          'x-estateflow-timestamp': String(timestamp),
          'x-estateflow-signature': webhookSignature({ secret, timestamp, body }),
        },
        body,
      });
    } catch (error) {
      throw new Error(`POST ${url.host} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300) throw new Error(`POST ${url.host} answered HTTP ${response.status}.`);
  }
}
