import { createHmac } from 'node:crypto';

/**
 * `X-EstateFlow-Signature: sha256=<hex>` over `<timestamp>.<body>` with the webhook's secret;
 * the receiver recomputes it and refuses timestamps older than a few minutes (replays).
 */
export function webhookSignature(input: { secret: string; timestamp: number; body: string }): string {
  return `sha256=${createHmac('sha256', input.secret).update(`${input.timestamp}.${input.body}`).digest('hex')}`;
}
