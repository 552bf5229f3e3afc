import { apiRequest } from './client';
import { newIdempotencyKey } from './idempotency-key';
import type { Attachment } from './types';
import { withRetry } from './with-retry';

/** POST /api/attachments (multipart `file`, `estateId`), retried on network errors and 5xx. */
export function uploadAttachment(input: { file: Blob; fileName: string; estateId?: string; instanceId?: string }): Promise<Attachment> {
  const idempotencyKey = newIdempotencyKey();
  return withRetry(() => {
    const form = new FormData();
    form.append('file', input.file, input.fileName);
    if (input.estateId) form.append('estateId', input.estateId);
    if (input.instanceId) form.append('instanceId', input.instanceId);
    return apiRequest<Attachment>('/attachments', { method: 'POST', body: form, idempotencyKey });
  });
}
