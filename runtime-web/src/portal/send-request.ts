import { api } from '../api/client';
import type { Instance } from '../api/types';
import type { OutboxEntry } from './offline-drafts';

/** POST a new request (used both for a live submit and for resending from the outbox). */
export function sendRequest(
  entry: Pick<OutboxEntry, 'estateId' | 'workflowKey' | 'unitId' | 'data' | 'idempotencyKey'>,
): Promise<Instance> {
  return api.post<Instance>(
    `/estates/${entry.estateId}/instances`,
    { workflowKey: entry.workflowKey, data: entry.data, ...(entry.unitId ? { unitId: entry.unitId } : {}) },
    entry.idempotencyKey,
  );
}
