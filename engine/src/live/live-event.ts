/**
 * What travels between engine processes as a row of the `LiveChange` table (written by database
 * triggers, migration live_changes), and what part of it the browser sees. Ids only: the client
 * refetches what it is allowed to read.
 */
export type LiveEvent =
  | { type: 'instance.updated'; companyId: string; estateId: string; id: string; version: number; requesterPersonId: string | null }
  | { type: 'task.changed'; companyId: string; estateId: string }
  | { type: 'notification'; companyId: string; id: string; recipientKind: 'staff' | 'person'; recipientId: string };

function text(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Reads a change's payload (parsed JSON); anything malformed is dropped rather than trusted. */
export function readLiveEvent(value: unknown): LiveEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const event: Record<string, unknown> = Object.fromEntries(Object.entries(value));
  if (!text(event.companyId)) return null;
  switch (event.type) {
    case 'instance.updated':
      if (!text(event.estateId) || !text(event.id) || typeof event.version !== 'number') return null;
      return {
        type: 'instance.updated',
        companyId: event.companyId,
        estateId: event.estateId,
        id: event.id,
        version: event.version,
        requesterPersonId: text(event.requesterPersonId) ? event.requesterPersonId : null,
      };
    case 'task.changed':
      if (!text(event.estateId)) return null;
      return { type: 'task.changed', companyId: event.companyId, estateId: event.estateId };
    case 'notification':
      if (!text(event.id) || !text(event.recipientId) || (event.recipientKind !== 'staff' && event.recipientKind !== 'person')) return null;
      return {
        type: 'notification',
        companyId: event.companyId,
        id: event.id,
        recipientKind: event.recipientKind,
        recipientId: event.recipientId,
      };
    default:
      return null;
  }
}
