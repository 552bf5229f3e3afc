import { type Principal, visibleEstateIds } from '../auth/principal';
import type { LiveEvent } from './live-event';

/** The part of a live event the principal may receive, or null when it is none of their business. */
export function visibleLiveEvent(
  principal: Principal,
  event: LiveEvent,
): { type: LiveEvent['type']; data: Record<string, unknown> } | null {
  if (event.companyId !== principal.companyId) return null;
  const estates = visibleEstateIds(principal);
  const seesEstate = (estateId: string) => estates === null || estates.includes(estateId);
  switch (event.type) {
    case 'instance.updated':
      if (principal.kind === 'person' ? event.requesterPersonId !== principal.personId : !seesEstate(event.estateId)) return null;
      return { type: event.type, data: { id: event.id, version: event.version } };
    case 'task.changed':
      if (principal.kind === 'person' || !seesEstate(event.estateId)) return null;
      return { type: event.type, data: { estateId: event.estateId } };
    case 'notification': {
      const me = principal.kind === 'person' ? { kind: 'person', id: principal.personId } : { kind: 'staff', id: principal.userId };
      if (event.recipientKind !== me.kind || event.recipientId !== me.id) return null;
      return { type: event.type, data: { id: event.id } };
    }
  }
}
