/** A person or staff member a notification is delivered to, with what each channel needs. */
export interface NotificationRecipient {
  kind: 'staff' | 'person';
  id: string;
  name: string;
  locale: 'zh-CN' | 'en';
  email: string | null;
  /** Ciphertext (privacy/personal-data-cipher); decrypted only when an SMS actually leaves. */
  phoneCipher: string | null;
}

/** The delivery channels, as the definition names them (NotifyParams.channels). */
export type NotificationChannel = 'inApp' | 'sms' | 'wechat' | 'email';

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['inApp', 'sms', 'wechat', 'email'];

export function isNotificationChannel(value: unknown): value is NotificationChannel {
  return NOTIFICATION_CHANNELS.some((channel) => channel === value);
}

/** The Notification.channel column value of a channel. */
export function channelColumn(channel: NotificationChannel): string {
  switch (channel) {
    case 'inApp':
      return 'in_app';
    case 'sms':
      return 'sms';
    case 'wechat':
      return 'wechat';
    case 'email':
      return 'email';
  }
}
