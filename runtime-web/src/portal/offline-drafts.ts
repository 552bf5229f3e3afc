// The owner portal survives a lost network: what is typed is kept as a draft in localStorage,
// and a request submitted while offline waits in an outbox that is sent, with the idempotency
// key it was given when the owner pressed submit, once the phone is back online — so a resend
// can never file it twice. Everything is keyed by the signed-in person (phones are shared).
import type { JsonObject } from '../api/types';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type OutboxEntry = {
  idempotencyKey: string;
  estateId: string;
  workflowKey: string;
  unitId?: string;
  data: JsonObject;
  queuedAt: string;
};

export type FlushResult = { sent: { entry: OutboxEntry; result: unknown }[]; rejected: OutboxEntry[]; pending: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJsonObject(value: unknown): value is JsonObject {
  return isRecord(value);
}

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const raw = store.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the form still works, it just is not kept
  }
}

export function draftKey(input: { personId: string; estateId: string; workflowKey: string }): string {
  return `ef.draft.${input.personId}.${input.estateId}.${input.workflowKey}`;
}

const outboxKey = (personId: string) => `ef.outbox.${personId}`;

export function saveDraft(store: KeyValueStore, key: string, data: JsonObject): void {
  if (Object.keys(data).length === 0) store.removeItem(key);
  else writeJson(store, key, { data, savedAt: new Date().toISOString() });
}

export function loadDraft(store: KeyValueStore, key: string): JsonObject | null {
  const stored = readJson(store, key);
  return isRecord(stored) && isJsonObject(stored.data) ? stored.data : null;
}

export function clearDraft(store: KeyValueStore, key: string): void {
  store.removeItem(key);
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  return (
    isRecord(value) &&
    typeof value.idempotencyKey === 'string' &&
    typeof value.estateId === 'string' &&
    typeof value.workflowKey === 'string' &&
    isJsonObject(value.data)
  );
}

export function listOutbox(store: KeyValueStore, personId: string): OutboxEntry[] {
  const stored = readJson(store, outboxKey(personId));
  return Array.isArray(stored) ? stored.filter(isOutboxEntry) : [];
}

export function enqueueOutbox(store: KeyValueStore, personId: string, entry: OutboxEntry): void {
  const others = listOutbox(store, personId).filter((item) => item.idempotencyKey !== entry.idempotencyKey);
  writeJson(store, outboxKey(personId), [...others, entry]);
}

function removeFromOutbox(store: KeyValueStore, personId: string, idempotencyKey: string): void {
  writeJson(
    store,
    outboxKey(personId),
    listOutbox(store, personId).filter((item) => item.idempotencyKey !== idempotencyKey),
  );
}

/**
 * Sends queued requests in order. A retryable failure (still offline, 5xx, 429) stops the flush
 * and keeps the rest queued; a final refusal (4xx) puts the entry back as a draft to fix.
 */
export async function flushOutbox(input: {
  store: KeyValueStore;
  personId: string;
  send: (entry: OutboxEntry) => Promise<unknown>;
  isRetryable: (error: unknown) => boolean;
}): Promise<FlushResult> {
  const { store, personId } = input;
  const result: FlushResult = { sent: [], rejected: [], pending: 0 };
  for (const entry of listOutbox(store, personId)) {
    try {
      const answer = await input.send(entry);
      removeFromOutbox(store, personId, entry.idempotencyKey);
      result.sent.push({ entry, result: answer });
    } catch (error) {
      if (input.isRetryable(error)) break;
      removeFromOutbox(store, personId, entry.idempotencyKey);
      saveDraft(store, draftKey({ personId, estateId: entry.estateId, workflowKey: entry.workflowKey }), entry.data);
      result.rejected.push(entry);
    }
  }
  result.pending = listOutbox(store, personId).length;
  return result;
}
