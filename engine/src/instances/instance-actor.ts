import { type Principal, rolesInEstate } from '../auth/principal';
import type { PrincipalKind } from '../generated/prisma/enums';

/** Who sends an event, as the instance's estate sees them. */
export interface InstanceActor {
  kind: PrincipalKind;
  /** StaffUser id (staff, API token) or Person id (owner, tenant); null for the system. */
  id: string | null;
  name: string;
  /** Staff roles in the estate, or owner / tenant for the person's units in it. */
  roles: string[];
}

export const SYSTEM_INSTANCE_ACTOR: InstanceActor = { kind: 'system', id: null, name: 'system', roles: [] };

/** The actor of a principal in one estate. */
export function actorInEstate(principal: Principal, estateId: string): InstanceActor {
  switch (principal.kind) {
    case 'person': {
      const kinds = principal.units.filter((unit) => unit.estateId === estateId).map((unit) => unit.kind);
      return { kind: 'person', id: principal.personId, name: principal.name, roles: [...new Set<string>(kinds)] };
    }
    case 'staff':
    case 'api_token':
      return {
        kind: principal.kind,
        id: principal.userId,
        name: principal.name,
        roles: [...new Set<string>(rolesInEstate(principal, estateId))],
      };
  }
}

/** Whether the principal may see an instance at all: staff in its estate, people only their own requests. */
export function maySeeInstance(principal: Principal, instance: { estateId: string; requesterPersonId: string | null }): boolean {
  if (principal.kind === 'person') return instance.requesterPersonId === principal.personId;
  return rolesInEstate(principal, instance.estateId).length > 0;
}
