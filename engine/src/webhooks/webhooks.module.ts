import { Module } from '@nestjs/common';
import { WebhookDeliveryJobHandler } from './webhook-delivery-job.handler';
import { WebhookJobHandler } from './webhook-job.handler';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Outgoing webhooks (docs/webhooks.md): registrations for company admins, signed deliveries with retries. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhooksService, WebhookJobHandler, WebhookDeliveryJobHandler],
})
export class WebhooksModule {}
