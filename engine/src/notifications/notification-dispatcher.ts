import { Injectable, Logger } from '@nestjs/common';
import { FaultInjector } from '../jobs/fault-injector';
import { PermanentJobError } from '../jobs/job';
import { GatewayRejectedError } from '../messaging/http-gateway-sender';
import { type ChannelOutcome, NotificationChannels } from './channels/notification-channels';
import { channelColumn, type NotificationChannel, type NotificationRecipient } from './notification-recipient';
import { NotificationsRepository } from './notifications.repository';
import { renderNotificationTemplate } from './templates/render-notification-template';
import { TemplateError } from './templates/template-problem';

/** A template in the definition's format: zh-CN always, en optional. */
export interface LocalizedTemplate {
  'zh-CN': { title: string; body: string };
  en?: { title: string; body: string };
}

export interface NotificationDelivery {
  companyId: string;
  estateId: string | null;
  instanceId: string | null;
  templateKey: string;
  template: LocalizedTemplate;
  /** The template context for a locale (state labels differ by locale). */
  context: (locale: 'zh-CN' | 'en') => Record<string, unknown>;
  timezone: string;
  recipients: NotificationRecipient[];
  channels: NotificationChannel[];
  /** The job's key; each recipient × channel delivery extends it, so a rerun delivers nothing twice. */
  dedupeKey: string;
}

/**
 * Renders a notification for each recipient in their locale and delivers it on each channel,
 * at least once and deduplicated: a delivery whose Notification row exists is not repeated.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger('NotificationDispatcher');

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly channels: NotificationChannels,
    private readonly faults: FaultInjector,
  ) {}

  async deliver(delivery: NotificationDelivery): Promise<{ delivered: number }> {
    let delivered = 0;
    for (const recipient of delivery.recipients) {
      const locale = recipient.locale === 'en' && delivery.template.en ? 'en' : 'zh-CN';
      const text = (locale === 'en' ? delivery.template.en : undefined) ?? delivery.template['zh-CN'];
      const context = { ...delivery.context(locale), recipient: { name: recipient.name } };
      let title: string;
      let body: string;
      try {
        title = renderNotificationTemplate({ source: text.title, context, timezone: delivery.timezone });
        body = renderNotificationTemplate({ source: text.body, context, timezone: delivery.timezone });
      } catch (error) {
        if (error instanceof TemplateError)
          throw new PermanentJobError(`Template "${delivery.templateKey}" (${locale}) cannot be used: ${error.message}`);
        throw error;
      }
      for (const channel of delivery.channels) {
        const row = {
          companyId: delivery.companyId,
          estateId: delivery.estateId,
          recipientKind: recipient.kind,
          recipientId: recipient.id,
          channel: channelColumn(channel),
          templateKey: delivery.templateKey,
          locale,
          title,
          body,
          instanceId: delivery.instanceId,
          dedupeKey: `${delivery.dedupeKey}:${recipient.kind}:${recipient.id}:${channelColumn(channel)}`,
        };
        if (channel === 'inApp') {
          // The row is the delivery: inserting it twice is impossible (unique dedupeKey).
          if ((await this.repository.insert(row)) !== null) delivered++;
          continue;
        }
        // Outside channels: send, then record. A crash between the two can repeat one message
        // (at least once); the record makes every later rerun skip it.
        if (await this.repository.exists(row.dedupeKey)) continue;
        const outcome = await this.sendOutside({ channel, recipient, title, body, dedupeKey: row.dedupeKey });
        if (outcome === 'noAddress') {
          this.logger.warn(`No ${channel} address for ${recipient.kind} ${recipient.id}; skipped.`);
          continue;
        }
        this.faults.at('notify:after-send');
        await this.repository.insert(row);
        delivered++;
      }
    }
    return { delivered };
  }

  /** A gateway's refusal that a retry cannot fix (a 4xx) fails the job at once, as an incident; anything else is retried. */
  private async sendOutside(input: Parameters<NotificationChannels['send']>[0]): Promise<ChannelOutcome> {
    try {
      return await this.channels.send(input);
    } catch (error) {
      if (error instanceof GatewayRejectedError && error.permanent) throw new PermanentJobError(error.message);
      throw error;
    }
  }
}
