// A tiny in-page bus for the server's event stream (GET /api/events/stream). One
// LiveEventsEffect opens the EventSource; data hooks subscribe to refresh themselves.

export type LiveEvent =
  | { kind: 'instance.updated'; id: string; version?: number }
  | { kind: 'task.changed'; estateId?: string }
  | { kind: 'notification'; id?: string }
  | { kind: 'reconnected' };

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();

export function subscribeLiveEvents(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function publishLiveEvent(event: LiveEvent): void {
  for (const listener of listeners) listener(event);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An SSE message (event name + JSON data) → a LiveEvent, or null when it is not one we know. */
export function parseLiveEvent(name: string, data: string): LiveEvent | null {
  let payload: unknown = null;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  // Accept both named SSE events and a `{ type, ... }` envelope on the default "message" event.
  const body = isRecord(payload) ? payload : {};
  const kind = name === 'message' && typeof body.type === 'string' ? body.type : name;
  const inner = isRecord(body.data) ? body.data : body;
  switch (kind) {
    case 'instance.updated':
      return typeof inner.id === 'string'
        ? { kind, id: inner.id, version: typeof inner.version === 'number' ? inner.version : undefined }
        : null;
    case 'task.changed':
      return { kind, estateId: typeof inner.estateId === 'string' ? inner.estateId : undefined };
    case 'notification':
      return { kind, id: typeof inner.id === 'string' ? inner.id : undefined };
    default:
      return null;
  }
}
