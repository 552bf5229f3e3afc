import { randomUUID } from 'node:crypto';
import type { MessageGatewayConfig } from '../config/config';
import { webhookSignature } from '../webhooks/webhook-signature';
import type { MessageSender, OutgoingMessage } from './message-sender';

/** How long a gateway may take to answer before the attempt counts as failed (and is retried). */
const GATEWAY_TIMEOUT_MS = 10_000;

/** The gateway refused the message. `permanent`: a 4xx other than 408/429 — sending it again will not help. */
export class GatewayRejectedError extends Error {
  override readonly name = 'GatewayRejectedError';

  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * SMS and WeChat template messages through an HTTP gateway (the provider's, or a company's own
 * relay to 阿里云短信 / 腾讯云短信 / the WeChat official account): one signed JSON POST per
 * message, the way such gateways commonly expect — `X-EstateFlow-Key` names us,
 * `X-EstateFlow-Timestamp` (Unix seconds) and `X-EstateFlow-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>" with the secret>` let the gateway refuse forgeries and replays, and
 * `Idempotency-Key` (the notification's dedupe key) lets it drop a repeat after a crash. A non-2xx
 * answer throws, so the notify job is retried by the worker.
 */
export class HttpGatewaySender implements MessageSender {
  constructor(
    private readonly channel: 'sms' | 'wechat',
    private readonly config: MessageGatewayConfig,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const body = JSON.stringify(this.payload(message));
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(this.config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-estateflow-key': this.config.keyId,
        'x-estateflow-timestamp': String(timestamp),
        'x-estateflow-signature': webhookSignature({ secret: this.config.secret, timestamp, body }),
        'idempotency-key': message.dedupeKey ?? randomUUID(),
      },
      body,
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      redirect: 'error',
    });
    const text = await response.text();
    if (response.ok) return;
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    throw new GatewayRejectedError(
      `The ${this.channel === 'sms' ? 'SMS' : 'WeChat'} gateway answered ${response.status}: ${text.slice(0, 200)}`,
      permanent,
    );
  }

  private payload(message: OutgoingMessage): Record<string, unknown> {
    switch (this.channel) {
      case 'sms':
        return { phoneNumber: message.to, signName: this.config.template, text: message.text };
      case 'wechat':
        return {
          appId: this.config.keyId,
          templateId: this.config.template,
          toUser: message.to,
          data: { title: { value: message.title ?? '' }, content: { value: message.text } },
        };
    }
  }
}

/**
 * The engine's message sender: SMS and WeChat through their gateways when configured, everything
 * else (and an unconfigured channel) through the development sender.
 */
export class ChannelRoutingSender implements MessageSender {
  constructor(private readonly routes: { fallback: MessageSender; sms: MessageSender | null; wechat: MessageSender | null }) {}

  /** Who delivers a channel's messages (the sign-in code page asks whether SMS is the development sender). */
  senderFor(channel: OutgoingMessage['channel']): MessageSender {
    switch (channel) {
      case 'sms':
        return this.routes.sms ?? this.routes.fallback;
      case 'wechat':
        return this.routes.wechat ?? this.routes.fallback;
      case 'email':
      case 'in_app':
        return this.routes.fallback;
    }
  }

  send(message: OutgoingMessage): Promise<void> {
    return this.senderFor(message.channel).send(message);
  }
}
