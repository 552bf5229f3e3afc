import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { isRetryable } from '../api/with-retry';
import { draftKey, enqueueOutbox, flushOutbox, listOutbox, loadDraft, saveDraft, type KeyValueStore } from './offline-drafts';

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const entry = (key: string) => ({
  idempotencyKey: key,
  estateId: 'e1',
  workflowKey: 'repair',
  unitId: 'u1',
  data: { description: `漏水 ${key}` },
  queuedAt: '2026-11-21T10:00:00Z',
});

describe('offline drafts and outbox', () => {
  it('keeps a draft per person, estate and workflow', () => {
    const store = memoryStore();
    const key = draftKey({ personId: 'p1', estateId: 'e1', workflowKey: 'repair' });
    saveDraft(store, key, { description: '厨房漏水' });
    expect(loadDraft(store, key)).toEqual({ description: '厨房漏水' });
    expect(loadDraft(store, draftKey({ personId: 'p2', estateId: 'e1', workflowKey: 'repair' }))).toBeNull();
    saveDraft(store, key, {});
    expect(loadDraft(store, key)).toBeNull();
  });

  it('resends with the original idempotency key and stops while still offline', async () => {
    const store = memoryStore();
    enqueueOutbox(store, 'p1', entry('k1'));
    enqueueOutbox(store, 'p1', entry('k2'));
    enqueueOutbox(store, 'p1', entry('k1'));
    expect(listOutbox(store, 'p1').map((item) => item.idempotencyKey)).toEqual(['k2', 'k1']);

    const offline = await flushOutbox({
      store,
      personId: 'p1',
      isRetryable,
      send: () => Promise.reject(new ApiError({ status: 0, code: 'network', message: 'offline' })),
    });
    expect(offline.pending).toBe(2);

    const sentKeys: string[] = [];
    const online = await flushOutbox({
      store,
      personId: 'p1',
      isRetryable,
      send: async (item) => {
        sentKeys.push(item.idempotencyKey);
        return { id: `i-${item.idempotencyKey}` };
      },
    });
    expect(sentKeys).toEqual(['k2', 'k1']);
    expect(online.pending).toBe(0);
  });

  it('turns a refused request back into a draft the owner can fix', async () => {
    const store = memoryStore();
    enqueueOutbox(store, 'p1', entry('k1'));
    const result = await flushOutbox({
      store,
      personId: 'p1',
      isRetryable,
      send: () => Promise.reject(new ApiError({ status: 422, code: 'validation_failed', message: 'bad' })),
    });
    expect(result.rejected).toHaveLength(1);
    expect(loadDraft(store, draftKey({ personId: 'p1', estateId: 'e1', workflowKey: 'repair' }))).toEqual({ description: '漏水 k1' });
  });
});
