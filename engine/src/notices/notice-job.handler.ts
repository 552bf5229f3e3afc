import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ClaimedJob, type JobHandler, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadString } from '../jobs/job-payload';
import { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { isNotificationChannel } from '../notifications/notification-recipient';
import { NoticesRepository } from './notices.repository';

export const NOTICE_JOB = 'notice.deliver';

/**
 * Delivers a notice to the residents its audience reaches when the job runs (at once, or at its
 * scheduled time), on each of its channels; a withdrawn notice is not delivered. The text is the
 * notice's own: it is passed to the template as a value, never run as one.
 */
const TEMPLATE = { 'zh-CN': { title: '{{notice.title}}', body: '{{notice.body}}' } };

@Injectable()
export class NoticeJobHandler implements JobHandler, OnModuleInit {
  readonly kind = NOTICE_JOB;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly repository: NoticesRepository,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const noticeId = payloadString(job.payload, 'noticeId');
    if (job.companyId === null || noticeId === null) throw new PermanentJobError('A notice job needs a company and a notice.');
    const notice = await this.repository.one({ companyId: job.companyId, id: noticeId });
    if (notice === null) throw new PermanentJobError(`Notice ${noticeId} does not exist.`);
    if (notice.withdrawnAt !== null) return;
    const estate = await this.repository.estate({ companyId: job.companyId, estateId: notice.estateId });
    const recipients = await this.repository.recipients({ companyId: job.companyId, estateId: notice.estateId, audience: notice.audience });
    await this.dispatcher.deliver({
      companyId: job.companyId,
      estateId: notice.estateId,
      instanceId: null,
      templateKey: 'notice',
      template: TEMPLATE,
      context: () => ({ notice: { title: notice.title, body: notice.body } }),
      timezone: estate?.timezone ?? 'Asia/Shanghai',
      recipients,
      channels: notice.channels.filter(isNotificationChannel),
      dedupeKey: job.dedupeKey,
    });
    // Withdrawn while it was being delivered: what it put in the residents' messages goes again.
    if ((await this.repository.one({ companyId: job.companyId, id: noticeId }))?.withdrawnAt !== null)
      await this.repository.removeInApp({ companyId: job.companyId, jobKey: job.dedupeKey });
  }
}
