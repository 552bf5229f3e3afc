import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookSignature } from './webhook-signature';

describe('webhookSignature', () => {
  it('is the HMAC-SHA256 of "timestamp.body" that a receiver can recompute', () => {
    const body = JSON.stringify({ event: 'repair.completed' });
    const expected = createHmac('sha256', 'whsec_test').update(`1700000000.${body}`).digest('hex');
    expect(webhookSignature({ secret: 'whsec_test', timestamp: 1700000000, body })).toBe(`sha256=${expected}`);
  });

  it('changes when the body, the timestamp or the secret does', () => {
    const base = { secret: 's', timestamp: 1, body: '{}' };
    const signature = webhookSignature(base);
    expect(webhookSignature({ ...base, body: '{ }' })).not.toBe(signature);
    expect(webhookSignature({ ...base, timestamp: 2 })).not.toBe(signature);
    expect(webhookSignature({ ...base, secret: 't' })).not.toBe(signature);
  });
});
