import { Headers } from '@nestjs/common';
import { ValidationError } from '../common/errors';

/** Checks an Idempotency-Key header value: absent, or 1–200 visible ASCII characters. */
export function readIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length > 200 || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ValidationError('The Idempotency-Key header must be 1–200 visible ASCII characters.', {
      fields: [{ field: 'Idempotency-Key', message: '1–200 visible ASCII characters' }],
    });
  }
  return raw;
}

/** `@IdempotencyKey() key: string | undefined` */
export const IdempotencyKey = () => Headers('idempotency-key');
