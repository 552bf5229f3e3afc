import { Inject, Injectable } from '@nestjs/common';
import type { EngineConfig } from '../../config/config';
import { ENGINE_CONFIG } from '../../config/config.module';
import { MESSAGE_SENDER, type MessageSender } from '../../messaging/message-sender';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher';
import type { NotificationChannel, NotificationRecipient } from '../notification-recipient';
import { SmtpEmailSender } from './smtp-email-sender';

export type ChannelOutcome = 'sent' | 'noAddress';

/**
 * The channel adapters outside the app: e-mail over SMTP when configured, SMS and WeChat template
 * messages through the configured message sender (the development sender writes
 * `<dataDir>/messages.jsonl` until a provider is set up). In-app delivery is a Notification row.
 */
@Injectable()
export class NotificationChannels {
  private readonly email: MessageSender;

  constructor(
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.email =
      config.smtpUrl === null ? sender : new SmtpEmailSender({ url: config.smtpUrl, from: 'EstateFlow <no-reply@estateflow.local>' });
  }

  async send(input: {
    channel: Exclude<NotificationChannel, 'inApp'>;
    recipient: NotificationRecipient;
    title: string;
    body: string;
    /** The delivery's key, passed to gateways that deduplicate. */
    dedupeKey?: string;
  }): Promise<ChannelOutcome> {
    const dedupe = input.dedupeKey === undefined ? {} : { dedupeKey: input.dedupeKey };
    const { recipient } = input;
    switch (input.channel) {
      case 'email':
        if (recipient.email === null) return 'noAddress';
        await this.email.send({ channel: 'email', to: recipient.email, title: input.title, text: input.body });
        return 'sent';
      case 'sms': {
        if (recipient.phoneCipher === null) return 'noAddress';
        // The one place a phone number is decrypted for a notification: to hand it to the SMS gateway.
        const phone = this.cipher.decrypt('phone', recipient.phoneCipher);
        await this.sender.send({ channel: 'sms', to: phone, text: `【${input.title}】${input.body}`, ...dedupe });
        return 'sent';
      }
      case 'wechat':
        // WeChat template messages go to the openid the portal binds; until then the person's id names them.
        await this.sender.send({
          channel: 'wechat',
          to: `${recipient.kind}:${recipient.id}`,
          title: input.title,
          text: input.body,
          ...dedupe,
        });
        return 'sent';
    }
  }
}
