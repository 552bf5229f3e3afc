import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ClaimedJob, type JobHandler, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadArray, payloadString } from '../jobs/job-payload';
import { Clock } from '../timers/clock';
import { InstanceNotificationLoader } from './instance-notification.loader';
import { NotificationDispatcher } from './notification-dispatcher';
import { isNotificationChannel } from './notification-recipient';
import { notificationContext } from './notification-context';
import { RecipientResolver } from './recipient-resolver';

/** `notify` jobs from a step's notify action: render the definition's template, deliver to each recipient. */
@Injectable()
export class NotifyJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'notify';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly loader: InstanceNotificationLoader,
    private readonly recipients: RecipientResolver,
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const instanceId = job.instanceId ?? payloadString(job.payload, 'instanceId');
    const templateKey = payloadString(job.payload, 'template');
    if (job.companyId === null || instanceId === null || templateKey === null)
      throw new PermanentJobError('A notify job needs a company, an instance and a template.');
    const { instance, definition, parameters } = await this.loader.load({ companyId: job.companyId, instanceId });
    const template = definition.notifications?.[templateKey];
    if (!template) throw new PermanentJobError(`The workflow has no notification template "${templateKey}".`);
    const channels = payloadArray(job.payload, 'channels').filter(isNotificationChannel);
    const recipients = await this.recipients.resolve({
      companyId: instance.companyId,
      estateId: instance.estateId,
      instanceId: instance.id,
      requesterPersonId: instance.requesterPersonId,
      to: payloadArray(job.payload, 'to'),
    });
    const now = this.clock.now();
    await this.dispatcher.deliver({
      companyId: instance.companyId,
      estateId: instance.estateId,
      instanceId: instance.id,
      templateKey,
      template,
      context: (locale) => notificationContext({ definition, instance, parameters, locale, now }),
      timezone: instance.timezone,
      recipients,
      channels: channels.length > 0 ? channels : ['inApp'],
      dedupeKey: job.dedupeKey,
    });
  }
}
