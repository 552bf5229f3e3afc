/** How a message reaches a person. Adapters for each channel implement MessageSender. */
export type MessageChannel = 'sms' | 'email' | 'wechat' | 'in_app';

export interface OutgoingMessage {
  channel: MessageChannel;
  /** A normalised phone number, an e-mail address, a WeChat openid… as the channel needs. */
  to: string;
  text: string;
  title?: string;
  /** A sign-in code the message carries, kept apart so the development sender can show it. */
  code?: string;
  /** The same for every attempt at one delivery: gateways that deduplicate use it. */
  dedupeKey?: string;
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

/** DI token: `@Inject(MESSAGE_SENDER) sender: MessageSender`. */
export const MESSAGE_SENDER = Symbol('MessageSender');
